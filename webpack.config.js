// Builds the custom functions (functions.js + functions.json), the task pane and the help page.
// Shared runtime: taskpane.html loads both bundles, so the functions run in the task pane's page.
// AGAP_PUBLIC_URL=https://host/path/ moves every URL of manifest.xml and functions.json there;
// without it the build keeps the development address, https://localhost:3000/.
"use strict";

const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { HELP_STYLE, buildHelpPage } = require("./scripts/build-help");
const { DEV_URL, parsePublicUrl, rebaseManifest, withHelpUrls } = require("./scripts/public-url");
const { runChecks } = require("./scripts/manifest-checks");
const { DEV_REPORT, DEV_SERVER_IDENTITY_PATH } = require("./scripts/stop");
const pkg = require("./package.json");
const { GriffelCSSExtractionPlugin } = require("@griffel/webpack-extraction-plugin");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");

const INLINE_TOKENS_LOADER = path.resolve(__dirname, "scripts/inline-tokens-loader.js");
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const HELP_SOURCE = path.resolve(__dirname, "docs/functions.md");
const DEV_SERVER_PORT = Number(process.env.npm_package_config_dev_server_port || pkg.config.dev_server_port || 3000);

/**
 * Emits help/functions.html from docs/functions.md (and its style sheet, help/functions.css), and
 * rebuilds it when the markdown changes. Gives each custom function in functions.json its help URL
 * on that page, under the address this build serves (`base`): the source names no address.
 */
class HelpPagePlugin {
  constructor(base) {
    this.base = base;
  }

  apply(compiler) {
    const name = "HelpPagePlugin";
    // Where the metadata plugin puts functions.json: in every compilation, the HTML templates' child
    // compilations too, so each gets the same URLs (different copies would conflict when merged).
    compiler.hooks.compilation.tap(name, (compilation) => {
      const metadata = compilation.assets["functions.json"];
      if (!metadata) return;
      const json = withHelpUrls(metadata.source().toString(), this.base);
      compilation.assets["functions.json"] = new webpack.sources.RawSource(json);
    });
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.fileDependencies.add(HELP_SOURCE);
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        let html;
        try {
          html = buildHelpPage(HELP_SOURCE);
        } catch (err) {
          compilation.errors.push(new webpack.WebpackError(`${name}: ${HELP_SOURCE}: ${err.message}`));
          return;
        }
        compilation.emitAsset("help/functions.html", new webpack.sources.RawSource(html));
        compilation.emitAsset("help/functions.css", new webpack.sources.RawSource(HELP_STYLE));
        // Every helpUrl in functions.json should land on a heading of the help page.
        const metadata = compilation.getAsset("functions.json");
        if (!metadata) return;
        const ids = new Set([...html.matchAll(/<h[1-6] id="([^"]+)"/g)].map((m) => m[1]));
        for (const fn of JSON.parse(metadata.source.source().toString()).functions || []) {
          const anchor = /\/help\/functions\.html#(.+)$/.exec(fn.helpUrl || "");
          if (anchor && !ids.has(anchor[1])) {
            compilation.warnings.push(
              new webpack.WebpackError(`${name}: ${fn.id}'s helpUrl #${anchor[1]} has no heading in docs/functions.md`),
            );
          }
        }
      });
    });
  }
}

/**
 * Moves the development address in manifest*.xml under the public address, then fails the build
 * if any manifest URL, or any help URL in functions.json, is elsewhere (or still names localhost).
 */
class PublicUrlPlugin {
  constructor(publicUrl) {
    this.publicUrl = publicUrl;
  }

  apply(compiler) {
    const name = "PublicUrlPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      // After ADDITIONAL, where the copy plugin adds the manifest.
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const fail = (message) => compilation.errors.push(new webpack.WebpackError(`${name}: ${message}`));
        const rewrite = (asset, fn) => {
          try {
            const text = fn(compilation.getAsset(asset).source.source().toString());
            compilation.updateAsset(asset, new webpack.sources.RawSource(text));
            return text;
          } catch (err) {
            fail(`${asset}: ${err.message}`);
            return null;
          }
        };
        const manifests = compilation.getAssets().filter((a) => /^manifest[^/]*\.xml$/.test(a.name));
        if (!manifests.length) fail("no manifest*.xml was copied into the build");
        for (const { name: asset } of manifests) {
          const xml = rewrite(asset, (text) => rebaseManifest(text, this.publicUrl));
          if (xml === null) continue;
          for (const check of runChecks(xml, { publicUrl: this.publicUrl })) {
            if (["https", "oneOrigin", "publicUrl"].includes(check.name) && check.problems.length) {
              fail(`${asset}: ${check.title}:\n  ${check.problems.join("\n  ")}`);
            }
          }
        }
        const metadata = compilation.getAsset("functions.json");
        if (metadata) {
          const stray = JSON.parse(metadata.source.source().toString()).functions.filter(
            (f) => !f.helpUrl?.startsWith(this.publicUrl),
          );
          if (stray.length) fail(`functions.json: helpUrl outside ${this.publicUrl}: ${stray.map((f) => f.id)}`);
        }
      });
    });
  }
}

/**
 * For `npm start`: after each compilation, one line that scripts/start.js reads (marked with
 * DEV_REPORT), in place of webpack's statistics.
 */
class DevReportPlugin {
  apply(compiler) {
    compiler.hooks.done.tap("DevReportPlugin", (stats) => {
      const { errors = [], warnings = [] } = stats.toJson({ all: false, errors: true, warnings: true });
      const report = {
        ok: errors.length === 0,
        ms: stats.endTime - stats.startTime,
        errors: errors.map((e) => `ERROR in ${e.moduleName || "the build"}\n${e.message}`),
        warnings: warnings.map((w) => `WARNING in ${w.moduleName || "the build"}\n${w.message}`),
      };
      process.stdout.write(`${DEV_REPORT}${JSON.stringify(report)}\n`);
    });
  }
}

/**
 * Marks the page's own scripts fetchpriority="high". office.js is a blocking script in <head>, and
 * while it loads Chromium holds back low-priority requests, which deferred scripts are by default;
 * the template also names them before office.js, so they are asked for first.
 */
class ScriptPriorityPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("ScriptPriorityPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTags.tap("ScriptPriorityPlugin", (data) => {
        for (const tag of data.assetTags.scripts) tag.attributes.fetchpriority = "high";
        return data;
      });
    });
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode === "development";
  // The dev server always serves the development address; an empty value means "not set".
  const publicUrlValue = env.WEBPACK_SERVE ? "" : (process.env.AGAP_PUBLIC_URL || "").trim();
  let publicUrl = null;
  try {
    publicUrl = publicUrlValue ? parsePublicUrl(publicUrlValue) : null;
  } catch (err) {
    // The message says what is wrong; a stack trace would only bury it.
    err.stack = `Error: ${err.message}`;
    throw err;
  }
  // `npm start` passes agapToken (see scripts/start.js); it asks for quiet output unless verbose.
  const reportToStart = Boolean(env.agapToken);
  const quiet = reportToStart && !env.agapVerbose;
  const config = {
    mode: dev ? "development" : "production",
    // es2020 matches tsconfig and lets the webpack runtime use globalThis instead of new Function.
    target: ["web", "es2020"],
    // No eval-based devtool: the bundles must contain no eval, in development too.
    devtool: dev ? "cheap-module-source-map" : "source-map",
    entry: {
      functions: FUNCTIONS_SOURCE,
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
    },
    module: {
      rules: [
        // Styles cost nothing at start-up: makeStyles calls are computed at build time (the
        // @griffel/webpack-loader below), and the CSS of ours and Fluent's is extracted into
        // griffel.css, which the page links; no rules are inserted while the pane starts.
        {
          test: /\.(js|mjs|ts|tsx)$/,
          include: [path.resolve(__dirname, "src/taskpane"), /[\\/]node_modules[\\/]@fluentui[\\/]/],
          use: { loader: GriffelCSSExtractionPlugin.loader },
        },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
        // Tokens read at run time become the CSS variables they name, in Fluent's modules and in
        // ours (last in the chain below), so Fluent's table of tokens is not in the bundles.
        { test: /\.m?js$/, include: /[\\/]node_modules[\\/]@fluentui[\\/]/, use: { loader: INLINE_TOKENS_LOADER } },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            { loader: INLINE_TOKENS_LOADER },
            {
              loader: "@griffel/webpack-loader",
              options: {
                modules: [
                  {
                    moduleSource: "@fluentui/react-components",
                    importName: "makeStyles",
                    resetImportName: "makeResetStyles",
                  },
                ],
                babelOptions: { presets: ["@babel/preset-typescript"] },
              },
            },
            {
              loader: "ts-loader",
              options: {
                // Type checking is `npm run typecheck`; ES module output lets webpack tree-shake.
                transpileOnly: true,
                compilerOptions: { module: "esnext", moduleResolution: "bundler" },
              },
            },
          ],
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The pane's script first: deferred scripts run in order, and the functions need nothing from
        // the pane's start, while the survey waits for whatever runs before it.
        chunks: ["taskpane", "functions"],
        chunksSortMode: "manual",
        // The template places the tags itself: before office.js (see taskpane.html).
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]", noErrorOnMissing: true },
          // The page's own rules, in a file: its Content-Security-Policy refuses inline styles.
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "manifest*.xml", to: "[name][ext]", noErrorOnMissing: true },
        ],
      }),
      new ScriptPriorityPlugin(),
      new HelpPagePlugin(publicUrl ?? DEV_URL),
      new MiniCssExtractPlugin({ ignoreOrder: true }),
      new GriffelCSSExtractionPlugin(),
      ...(publicUrl ? [new PublicUrlPlugin(publicUrl)] : []),
      ...(reportToStart ? [new DevReportPlugin()] : []),
    ],
    performance: { hints: false },
    ...(quiet ? { stats: "none", infrastructureLogging: { level: "error" } } : {}),
  };

  // Certificates are read only for `webpack serve`, never for a plain build.
  if (env.WEBPACK_SERVE) {
    const { ensureCertificates } = require("./scripts/certs");
    config.devServer = {
      port: DEV_SERVER_PORT,
      server: { type: "https", options: await ensureCertificates() },
      headers: { "Access-Control-Allow-Origin": "*" },
      // Everything is served from the compilation in memory, the same files a build writes to dist/.
      static: false,
      client: { overlay: { warnings: false } },
      // Lets `npm stop` prove that the process on the port is the server `npm start` recorded.
      setupMiddlewares: (middlewares, devServer) => {
        devServer.app.get(DEV_SERVER_IDENTITY_PATH, (_req, res) => {
          res.json({ name: "agap-dev-server", pid: process.pid, token: env.agapToken || null });
        });
        return middlewares;
      },
    };
  }
  return config;
};
