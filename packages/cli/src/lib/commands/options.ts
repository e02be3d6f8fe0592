import type {Command} from 'commander'
import {collectMetadata} from '../metadata.js'
import {collect} from '../select.js'
import {parseSize} from '../size.js'

/** What to build, the same for `build`, `watch` and `preview`: editions, formats, paper, locale, metadata, size limit. */
export function withSelection(command: Command): Command {
  return command
    .option('-e, --edition <ids>', 'edition(s) to build, repeatable or comma-separated (default: all)', collect)
    .option('-f, --format <ids>', 'format(s) to build, repeatable or comma-separated (default: all)', collect)
    .option('-p, --paper <size>', "paper size for the PDF: A5, A4 or Letter (default: the edition's, else A5)")
    .option('-l, --locale <tag>', "language of the words around the text, a BCP 47 tag: fr (French) or en (English) (default: the edition's language)")
    .option(
      '-M, --metadata <key=value>',
      'set an edition field: title, subtitle, editor, language, publisher, rights, description, date (repeatable)',
      collectMetadata
    )
    .option('--max-file-size <size>', 'refuse corpus files larger than this (default 50MB)', parseSize)
}
