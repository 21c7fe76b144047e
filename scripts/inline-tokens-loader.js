// Webpack loader: each `tokens.name` read from Fluent's theme tokens becomes the CSS variable it
// stands for ("var(--name)"), so the tokens object itself (about 30 KB) stays out of the bundles.
// Styles are already computed at build time; this covers the few tokens read at run time (Fluent's
// Input and Button read some at module level, our charts in inline styles).
"use strict";

const babel = require("@babel/core");
const { tokens } = require("@fluentui/react-components");

/** Modules whose `tokens` export is Fluent's token table. */
const TOKEN_SOURCES = new Set(["@fluentui/react-components", "@fluentui/react-theme", "@fluentui/tokens"]);

function importedName(specifier) {
  return specifier.imported.type === "Identifier" ? specifier.imported.name : specifier.imported.value;
}

/** The Babel plugin: `tokens.x` (x a Fluent token) becomes a string literal; a name that is not a token is an error. */
function inlineTokens({ types: t }) {
  return {
    visitor: {
      MemberExpression(member) {
        const { object, property, computed } = member.node;
        if (computed || !t.isIdentifier(object) || !t.isIdentifier(property)) return;
        const binding = member.scope.getBinding(object.name);
        if (!binding || binding.kind !== "module" || !binding.path.isImportSpecifier()) return;
        if (importedName(binding.path.node) !== "tokens") return;
        if (!TOKEN_SOURCES.has(binding.path.parent.source.value)) return;
        if (!Object.prototype.hasOwnProperty.call(tokens, property.name)) {
          throw member.buildCodeFrameError(`tokens.${property.name} is not one of Fluent's theme tokens.`);
        }
        member.replaceWith(t.stringLiteral(tokens[property.name]));
      },
    },
  };
}

module.exports = function inlineTokensLoader(source, inputMap) {
  const callback = this.async();
  if (!source.includes("tokens")) return callback(null, source, inputMap);
  babel
    .transformAsync(source, {
      filename: this.resourcePath,
      babelrc: false,
      configFile: false,
      // Only this plugin: the code is otherwise left as it came (JSX is already compiled).
      plugins: [inlineTokens],
      sourceMaps: this.sourceMap,
      inputSourceMap: this.sourceMap && inputMap ? inputMap : undefined,
      compact: false,
      retainLines: true,
    })
    .then((result) => callback(null, result.code, result.map ?? undefined), callback);
};

module.exports.inlineTokens = inlineTokens;
