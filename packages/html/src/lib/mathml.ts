/**
 * What MathML the sanitiser lets through: the presentation elements Temml
 * writes (and a source's own `<math>` may use), with their layout
 * attributes. Nothing that links or loads (`href`, `src`), no `style`, no
 * `maction` (whose actions once ran links), no event handlers: MathML here
 * only draws.
 */
export const mathElements = [
  'math',
  'semantics',
  'annotation',
  'mrow',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'mspace',
  'msup',
  'msub',
  'msubsup',
  'mfrac',
  'msqrt',
  'mroot',
  'mover',
  'munder',
  'munderover',
  'mmultiscripts',
  'mprescripts',
  'none',
  'mtable',
  'mtr',
  'mtd',
  'mlabeledtr',
  'mpadded',
  'mphantom',
  'mstyle',
  'menclose'
]

const layout = [
  'mathvariant',
  'mathsize',
  'mathcolor',
  'mathbackground',
  'displaystyle',
  'scriptlevel',
  'dir',
  'width',
  'height',
  'depth',
  'lspace',
  'rspace',
  'voffset',
  'stretchy',
  'fence',
  'separator',
  'form',
  'symmetric',
  'minsize',
  'maxsize',
  'largeop',
  'movablelimits',
  'accent',
  'accentunder',
  'linethickness',
  'notation',
  'columnalign',
  'rowalign',
  'columnspacing',
  'rowspacing',
  'columnlines',
  'rowlines',
  'frame',
  'framespacing',
  'equalrows',
  'equalcolumns',
  'columnspan',
  'rowspan',
  'linebreak',
  'align',
  'bevelled',
  'numalign',
  'denomalign',
  'rquote',
  'lquote'
]

/** Attributes by element, as hast property names (MathML attributes keep their lower-case names). */
export const mathAttributes: Record<string, string[]> = {
  ...Object.fromEntries(mathElements.map((name) => [name, layout])),
  math: [...layout, 'display', 'alttext'],
  annotation: ['encoding']
}
