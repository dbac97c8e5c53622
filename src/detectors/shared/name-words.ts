/**
 * The words of an identifier, lower-cased: camelCase, snake_case, kebab-case and dotted names alike
 * (`chatModelId` → chat, model, id; `openAIModel` → open, ai, model; `--master-key` → master, key;
 * `MODEL_COSTS` → model, costs). What the name rules read (`namesModel`, `namesExcludedModels`,
 * `isSecretName`): whole words, so `tokenizer` is not `token` and `unblockedModels` is not `blocked`.
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    // An upper-case run ends where a capitalised word starts: `openAIModel` → open, ai, model.
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}
