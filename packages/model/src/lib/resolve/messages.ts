/**
 * A resolution's own message files. Resolving reports problems about corpus files (a work, an annotations
 * file, the preface), but must leave the loaded corpus as it was: each corpus file gets a stand-in with the
 * same path, the messages are recorded there and handed back with the edition.
 */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

export class ResolutionFiles {
  readonly #copies = new Map<VFile, VFile>()

  /** The stand-in for `file`: same path and data (read only here), its own messages. */
  readonly for = (file: VFile): VFile => {
    let copy = this.#copies.get(file)
    if (!copy) {
      copy = new VFile({cwd: file.cwd, path: file.path, value: file.value, data: file.data})
      this.#copies.set(file, copy)
    }
    return copy
  }

  /** Every message recorded, file by file in the order the files were first reported on. */
  messages(): VFileMessage[] {
    return [...this.#copies.values()].flatMap((file) => file.messages)
  }
}
