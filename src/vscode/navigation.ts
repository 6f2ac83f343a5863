/**
 * Go to Definition (an actor's first full-name mention) and Find All References (every mention the engine
 * linked to the actor: names, aliases, role nouns, resolved pronouns).
 */
import * as vscode from 'vscode';
import type { Feature } from './feature';
import type { AnalysisService } from './analysisService';
import { toLocation } from './ranges';
import { registerForArticles } from './selector';

async function actorAt(service: AnalysisService, document: vscode.TextDocument, position: vscode.Position) {
  const result = await service.analysisOf(document, 'now');
  if (!result || result.version !== document.version) return undefined;
  const mention = result.index.mentionAt(document.offsetAt(position));
  const actor = result.index.actor(mention?.actor);
  return actor ? { actor, result } : undefined;
}

export const registerNavigation: Feature = ({ service }) => [
  ...registerForArticles(service, (selector) =>
    vscode.languages.registerDefinitionProvider(selector, {
      async provideDefinition(document, position) {
        const found = await actorAt(service, document, position);
        const definition = found && found.result.index.definitionOf(found.actor, found.result.text);
        return definition ? toLocation(document, definition) : undefined;
      },
    }),
  ),
  ...registerForArticles(service, (selector) =>
    vscode.languages.registerReferenceProvider(selector, {
      async provideReferences(document, position, context) {
        const found = await actorAt(service, document, position);
        if (!found) return undefined;
        const definition = found.result.index.definitionOf(found.actor, found.result.text);
        return found.actor.mentions
          .filter((m) => context.includeDeclaration || !definition || m.start !== definition.start || m.end !== definition.end)
          .map((m) => toLocation(document, m));
      },
    }),
  ),
];
