// Apollo Server 5's `hideSchemaDetailsFromClientErrors: true` installs its DisableSuggestions plugin for
// every request of the server: it removes / ?Did you mean(.+?)\?$/ from validation errors only. The hub
// shows suggestions to its consumers and hides them from the public, and errors from variable coercion
// (`Variable "$f" got invalid value …; Field "kindz" is not defined by type "CreditRecordFilter". Did
// you mean "kinds"?`) are execution errors that the plugin never sees; so formatError applies this.
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * `message` without graphql-js's suggestions (` Did you mean "kinds"?`, ` Did you mean the enum value
 * "FINE"?`), wherever they occur in it; other text is unchanged.
 */
export function stripFieldSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}
