/* global require, exports */
// Like redhat's YAML extension, reports on every document of language "yaml" (and on nothing else).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS extension, no build step
const vscode = require('vscode');

exports.activate = (context) => {
  const diagnostics = vscode.languages.createDiagnosticCollection('yaml-standin');
  const update = (doc) => {
    if (doc.languageId === 'yaml') {
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), 'yaml-standin saw this YAML document', vscode.DiagnosticSeverity.Warning);
      d.source = 'yaml-standin';
      diagnostics.set(doc.uri, [d]);
    } else diagnostics.delete(doc.uri);
  };
  context.subscriptions.push(
    diagnostics,
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidCloseTextDocument((doc) => diagnostics.delete(doc.uri)),
  );
  vscode.workspace.textDocuments.forEach(update);
};
