// epubcheck on several books in one Java process (a JVM start costs seconds of CPU; see validators.ts, epubcheckMany,
// and packages/epub/test/helpers/epubcheck.ts, epubcheckBooks): arguments in pairs, a book and the JSON report to write
// for it, each pair after the flags of its own run if any (arguments that start with "-", such as "-u"). A fresh
// checker for each book, as its own process would have.
public class EpubcheckBatch {
  public static void main(String[] args) {
    java.util.List<String> flags = new java.util.ArrayList<>();
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].startsWith("-")) {
        flags.add(args[i]);
        continue;
      }
      java.util.List<String> run = new java.util.ArrayList<>(java.util.List.of(args[i], "--json", args[i + 1], "--quiet"));
      run.addAll(flags);
      flags.clear();
      new com.adobe.epubcheck.tool.EpubChecker().run(run.toArray(new String[0]));
      i++;
    }
  }
}
