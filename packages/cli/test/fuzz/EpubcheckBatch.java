// epubcheck on several books in one Java process (a JVM start costs seconds of CPU; see validators.ts, epubcheckMany):
// arguments in pairs, a book and the JSON report to write for it. A fresh checker for each book, as its own process would have.
public class EpubcheckBatch {
  public static void main(String[] args) {
    for (int i = 0; i + 1 < args.length; i += 2) {
      new com.adobe.epubcheck.tool.EpubChecker().run(new String[] {args[i], "--json", args[i + 1], "--quiet"});
    }
  }
}
