/**
 * The logical structure tree, built while laying out (Document, Sect, H1–H6,
 * P, L/LI/Lbl/LBody, Table/TR/TH/TD, Note, Reference, Link…). It is bound to
 * pdfkit's structure elements only when pages are drawn (`tagging.ts`), so
 * layout stays free of pdfkit state.
 */

export interface StructOptions {
  lang?: string
  alt?: string
  title?: string
  /** Replacement text, e.g. for a note mark. */
  actual?: string
  /** Scope of a table header cell. */
  scope?: 'Row' | 'Column' | 'Both'
}

export interface StructNode {
  type: string
  options: StructOptions
  parent: StructNode | undefined
  /** Position among its parent's children. */
  index: number
  /** Unique element id (`ID`), which notes must have. */
  id?: string
  /** Standard attributes written as the element's `A` dictionary (owner `O` included). */
  attributes?: Record<string, string>
  /**
   * Elements that follow this one in reading order although their content is
   * drawn elsewhere (a footnote's text after its reference mark).
   */
  companions: StructNode[]
  /** Present for siblings' bookkeeping: elements are created in this order. */
  children: StructNode[]
}

export function structRoot(type: string, options: StructOptions = {}): StructNode {
  return {type, options, parent: undefined, index: 0, companions: [], children: []}
}

export function structChild(parent: StructNode, type: string, options: StructOptions = {}): StructNode {
  const node: StructNode = {type, options, parent, index: parent.children.length, companions: [], children: []}
  parent.children.push(node)
  return node
}

/** Heading element type for a depth (H1–H6). */
export function headingType(depth: number): string {
  return `H${Math.min(Math.max(depth, 1), 6)}`
}
