namespace Sitrep.Syntax;

/// <summary>
/// The syntax of one document: one <see cref="ParsedSentence"/> per document sentence, in the order of
/// <c>AnalyzedDocument.Sentences</c>, whose word <c>i</c> is token <c>FirstToken + i</c> of that sentence.
/// </summary>
/// <param name="Sentences">The parses, one per sentence (empty for a sentence without tokens).</param>
public sealed record SyntaxLayer(IReadOnlyList<ParsedSentence> Sentences);
