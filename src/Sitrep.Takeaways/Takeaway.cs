using Sitrep.Documents;

namespace Sitrep.Takeaways;

/// <summary>A takeaway: a statement and the exact spans that support it.</summary>
/// <param name="Text">The statement as the brief prints it.</param>
/// <param name="Cites">The source spans, first the one the text is drawn from.</param>
/// <param name="Score">How central the statement is to the corpus (higher is more central).</param>
public sealed record Takeaway(string Text, IReadOnlyList<Span> Cites, double Score);

/// <summary>The corpus layer holding the takeaways, best first.</summary>
/// <param name="Items">Takeaways.</param>
public sealed record TakeawayLayer(IReadOnlyList<Takeaway> Items);
