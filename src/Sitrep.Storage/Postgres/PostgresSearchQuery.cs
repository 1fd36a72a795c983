using System.Globalization;

namespace Sitrep.Storage.Postgres;

/// <summary>
/// What an analyst types in the search box, as a PostgreSQL <c>tsquery</c> expression: words all match, a phrase in
/// double quotes stays a phrase, a trailing * keeps prefix search, OR between words is kept (the reading of
/// <see cref="Sqlite.SqliteDocumentStore.ToMatchExpression"/>). Words and phrases go through
/// <c>plainto_tsquery</c> / <c>phraseto_tsquery</c>, so they are split as the indexed text was; only a prefix is
/// written as a <c>tsquery</c> literal, from letters and digits alone. Nothing the analyst types reaches the SQL text:
/// every piece is a parameter, and no input raises a syntax error.
/// </summary>
/// <param name="Sql">The expression, with its pieces as parameters <c>$1</c>… in order.</param>
/// <param name="Arguments">The pieces.</param>
internal sealed record PostgresSearchQuery(string Sql, IReadOnlyList<object?> Arguments)
{
    /// <summary>The expression for <paramref name="query"/>, or null when it holds no word.</summary>
    public static PostgresSearchQuery? Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var groups = new List<List<string>> { new() };
        var arguments = new List<object?>();
        string Piece(string function, string text)
        {
            arguments.Add(text);
            return string.Create(CultureInfo.InvariantCulture, $"{function}('simple'::regconfig, ${arguments.Count})");
        }

        var i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i]))
            {
                i++;
                continue;
            }

            if (query[i] == '"')
            {
                var close = query.IndexOf('"', i + 1);
                var phrase = close < 0 ? query[(i + 1)..] : query[(i + 1)..close];
                i = close < 0 ? query.Length : close + 1;
                if (SearchWords.Of(phrase).Count > 0)
                {
                    groups[^1].Add(Piece("phraseto_tsquery", phrase));
                }

                continue;
            }

            var end = i;
            while (end < query.Length && !char.IsWhiteSpace(query[end]) && query[end] != '"')
            {
                end++;
            }

            var raw = query[i..end];
            i = end;
            if (raw == "OR")
            {
                if (groups[^1].Count > 0)
                {
                    groups.Add([]);
                }

                continue;
            }

            var words = SearchWords.Of(raw);
            if (words.Count == 0)
            {
                continue;
            }

            if (raw.EndsWith('*'))
            {
                // "Prigo*": the last word is a prefix; words before it (as in "pro-Krem*") must match whole.
                var literal = string.Join(" & ", words.Select((w, n) => "'" + w.ToLowerInvariant() + "'" + (n == words.Count - 1 ? ":*" : string.Empty)));
                groups[^1].Add(Piece("to_tsquery", literal));
            }
            else
            {
                groups[^1].Add(Piece("plainto_tsquery", raw));
            }
        }

        var alternatives = groups.Where(g => g.Count > 0).Select(g => "(" + string.Join(" && ", g) + ")").ToList();
        return alternatives.Count == 0 ? null : new PostgresSearchQuery("(" + string.Join(" || ", alternatives) + ")", arguments);
    }
}
