/** The drag-and-drop type a palette item carries; its data is the node kind. */
export const NODE_KIND_MIME = 'application/x-casework-node-kind';
