const {parseDocument, visit, isScalar} = require('yaml');
const src = process.argv[2].replace(/\\n/g, "\n").replace(/\\r/g, "\r");
const doc = parseDocument(src, {prettyErrors:false, uniqueKeys:true, merge:true});
console.log(JSON.stringify(src), 'errors', doc.errors.map(e=>e.code+' '+e.pos), 'warn', doc.warnings.map(e=>e.code));
visit(doc, { Node(k, n) { console.log(n.constructor.name, JSON.stringify(n.range), n.flow?'flow':'', isScalar(n)? JSON.stringify(n.value)+' '+n.type : '', JSON.stringify(src.slice(n.range[0], n.range[1]))); } });
