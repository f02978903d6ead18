/*
 * Chengxin Hub explorer bootstrap, served as /explorer/assets/explorer.js by createExplorerRoutes.ts.
 * A plain browser script (not a module, not compiled): it runs after the React, ReactDOM, GraphiQL 3 and graphql-ws
 * UMD bundles, which define the globals React, ReactDOM, GraphiQL and graphqlWs. Its settings come from the page's
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
    if (typeof React === 'undefined' || typeof ReactDOM === 'undefined' || typeof GraphiQL === 'undefined' || typeof graphqlWs === 'undefined') {
      throw new Error('the explorer scripts did not load');
    }
    var config = JSON.parse(document.getElementById('explorer-config').textContent);

    // POST JSON to the hub's own GraphQL endpoint. GraphiQL adds the headers typed in its Headers panel
    // (e.g. Authorization: Bearer …, X-Purpose: …) to every request, introspection included.
    var httpFetcher = GraphiQL.createFetcher({ url: config.graphqlPath });

    // Subscriptions go over a WebSocket to the same path with the graphql-ws protocol. A browser cannot set
    // headers on a WebSocket, so the Headers panel's values (Authorization, X-Purpose, X-Case-Reference) travel
    // in connection_init; one connection per distinct set of headers.
    var socketUrl = (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host + config.graphqlPath;
    var socketClients = {};
    function socketClientFor(headers) {
      var key = JSON.stringify(headers || {});
      if (!socketClients[key]) {
        socketClients[key] = graphqlWs.createClient({ url: socketUrl, connectionParams: headers || {}, lazy: true, retryAttempts: 0 });
      }
      return socketClients[key];
    }
    function isSubscription(params, documentAST) {
      if (!documentAST || !documentAST.definitions) return /^\s*subscription\b/.test(params.query || '');
      var operations = documentAST.definitions.filter(function (definition) { return definition.kind === 'OperationDefinition'; });
      var chosen = operations.length === 1 ? operations[0] : operations.filter(function (definition) {
        return definition.name && definition.name.value === params.operationName;
      })[0];
      return Boolean(chosen && chosen.operation === 'subscription');
    }
    function fetcher(params, options) {
      if (!isSubscription(params, options && options.documentAST)) return httpFetcher(params, options);
      var client = socketClientFor(options && options.headers);
      // An observable: GraphiQL shows each event as it arrives and unsubscribes when ■ is pressed.
      return {
        subscribe: function (observer) {
          var sink = typeof observer === 'function' ? { next: observer } : observer;
          var dispose = client.subscribe(params, {
            next: function (value) { if (sink.next) sink.next(value); },
            error: function (error) {
              var message = error && error.reason ? 'WebSocket closed: ' + error.reason : (error && error.message) || String(error);
              if (sink.error) sink.error(Array.isArray(error) ? { errors: error } : new Error(message));
            },
            complete: function () { if (sink.complete) sink.complete(); },
          });
          return { unsubscribe: dispose };
        },
      };
    }

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
