/*
 * Chengxin Hub explorer bootstrap, served as /explorer/assets/explorer.js by createExplorerRoutes.ts.
 * A plain browser script (not a module, not compiled): it runs after the React, ReactDOM and GraphiQL 3 UMD
 * bundles, which define the globals React, ReactDOM and GraphiQL. Its settings come from the page's
 * <script type="application/json" id="explorer-config"> element, so the page has no inline script and its
 * Content-Security-Policy can forbid them.
 */
(function () {
  'use strict';

  var container = document.getElementById('graphiql');

  function showError(message) {
    var paragraph = document.createElement('p');
    paragraph.className = 'hub-loading hub-error';
    paragraph.textContent = message;
    container.replaceChildren(paragraph);
  }

  try {
    if (typeof React === 'undefined' || typeof ReactDOM === 'undefined' || typeof GraphiQL === 'undefined') {
      throw new Error('the explorer scripts did not load');
    }
    var config = JSON.parse(document.getElementById('explorer-config').textContent);

    // POST JSON to the hub's own GraphQL endpoint. GraphiQL adds the headers typed in its Headers panel
    // (e.g. Authorization: Bearer …, X-Purpose: …) to every request, introspection included.
    var fetcher = GraphiQL.createFetcher({ url: config.graphqlPath });

    var logo = React.createElement(GraphiQL.Logo, null, 'Chengxin Hub 诚信');

    ReactDOM.createRoot(container).render(
      React.createElement(
        GraphiQL,
        {
          fetcher: fetcher,
          defaultQuery: config.defaultQuery,
          // The Documentation Explorer shows the schema descriptions, with the Chinese terms: open it at first.
          visiblePlugin: 'Documentation Explorer',
          isHeadersEditorEnabled: true,
          // Tokens typed in the Headers panel stay in this tab only, never in localStorage.
          shouldPersistHeaders: false,
          showPersistHeadersSettings: false,
          storage: GraphiQL.createLocalStorage({ namespace: config.storageNamespace }),
        },
        logo,
      ),
    );
  } catch (error) {
    showError('The explorer could not start 查询工具无法启动: ' + (error && error.message ? error.message : String(error)));
  }
})();
