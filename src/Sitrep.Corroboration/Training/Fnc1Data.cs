using CsvHelper;
using Sitrep.Errors;

namespace Sitrep.Corroboration.Training;

/// <summary>One FNC-1 row: a headline, the id of the body it is paired with, and the gold stance (null when unlabelled).</summary>
/// <param name="Headline">The headline.</param>
/// <param name="BodyId">The body's id.</param>
/// <param name="Stance">agree, disagree, discuss or unrelated; null in an unlabelled file.</param>
public sealed record Fnc1Pair(string Headline, int BodyId, string? Stance);

/// <summary>An FNC-1 dataset: bodies by id and the headline-body pairs, in file order.</summary>
/// <param name="Bodies">Body text by id.</param>
/// <param name="Pairs">The pairs.</param>
/// <param name="BodyOrder">Body ids in the order of the bodies file (the order the baseline shuffles).</param>
public sealed record Fnc1Dataset(IReadOnlyDictionary<int, string> Bodies, IReadOnlyList<Fnc1Pair> Pairs, IReadOnlyList<int> BodyOrder)
{
    /// <summary>The seed of the official baseline's <c>generate_hold_out_split</c>.</summary>
    public const uint BaselineSeed = 1489215;

    /// <summary>Share of body ids the baseline keeps for training (the rest is the hold-out).</summary>
    public const double BaselineTrainingShare = 0.9;

    /// <summary>Reads the FNC-1 CSV pair (<c>Body ID,articleBody</c> and <c>Headline,Body ID[,Stance]</c>).</summary>
    public static Fnc1Dataset Read(string bodiesPath, string stancesPath)
    {
        var bodies = new Dictionary<int, string>();
        var order = new List<int>();
        using (var csv = Open(bodiesPath))
        {
            var idColumn = Column(csv, bodiesPath, "Body ID");
            var bodyColumn = Column(csv, bodiesPath, "articleBody");
            while (csv.Read())
            {
                var id = ParseId(csv.GetString(idColumn), bodiesPath);
                if (bodies.TryAdd(id, csv.GetString(bodyColumn)))
                {
                    order.Add(id);
                }
            }
        }

        var pairs = new List<Fnc1Pair>();
        using (var csv = Open(stancesPath))
        {
            var headlineColumn = Column(csv, stancesPath, "Headline");
            var idColumn = Column(csv, stancesPath, "Body ID");
            var stanceColumn = csv.Headers.ToList().IndexOf("Stance");
            while (csv.Read())
            {
                var id = ParseId(csv.GetString(idColumn), stancesPath);
                if (!bodies.ContainsKey(id))
                {
                    throw SitrepErrors.Malformed.Exception("FNC-1 stances", $"'{stancesPath}' names body {id}, which '{bodiesPath}' lacks");
                }

                var stance = stanceColumn >= 0 ? csv.GetString(stanceColumn).Trim() : null;
                if (stance is not null && !Stance.StanceSchemes.Fnc1.Contains(stance))
                {
                    throw SitrepErrors.Malformed.Exception("FNC-1 stances", $"stance '{stance}' is not one of {string.Join(", ", Stance.StanceSchemes.Fnc1)}");
                }

                pairs.Add(new Fnc1Pair(csv.GetString(headlineColumn), id, stance));
            }
        }

        return new Fnc1Dataset(bodies, pairs, order);
    }

    /// <summary>
    /// The official baseline's hold-out split: body ids in file order, shuffled by Python's <c>random.Random</c>
    /// seeded with 1489215; the first 90% (rounded down) train, the rest is the hold-out.
    /// </summary>
    public (Fnc1Dataset Training, Fnc1Dataset HoldOut) SplitHoldOut()
    {
        var ids = BodyOrder.ToList();
        new PythonRandom(BaselineSeed).Shuffle(ids);
        var cut = (int)(BaselineTrainingShare * ids.Count);
        var heldOut = ids.Skip(cut).ToHashSet();
        return (Subset(id => !heldOut.Contains(id)), Subset(heldOut.Contains));
    }

    /// <summary>The hold-out body ids, in the baseline's order.</summary>
    public IReadOnlyList<int> HoldOutIds()
    {
        var ids = BodyOrder.ToList();
        new PythonRandom(BaselineSeed).Shuffle(ids);
        return ids.Skip((int)(BaselineTrainingShare * ids.Count)).ToList();
    }

    private Fnc1Dataset Subset(Func<int, bool> keep) => new(
        Bodies.Where(p => keep(p.Key)).ToDictionary(p => p.Key, p => p.Value),
        Pairs.Where(p => keep(p.BodyId)).ToList(),
        BodyOrder.Where(keep).ToList());

    private static CsvReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw SitrepErrors.NotFound.Exception(path);
        }

        var csv = CsvReader.FromFile(path, new CsvReaderOptions { Separator = ',' });
        return csv;
    }

    private static int Column(CsvReader csv, string path, string name)
    {
        var index = csv.Headers.ToList().IndexOf(name);
        if (index < 0)
        {
            csv.Dispose();
            throw SitrepErrors.Malformed.Exception("FNC-1 CSV", $"'{path}' has no '{name}' column (columns: {string.Join(", ", csv.Headers)})");
        }

        return index;
    }

    private static int ParseId(string text, string path) =>
        int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : throw SitrepErrors.Malformed.Exception("FNC-1 CSV", $"'{path}' has body id '{text}', not a whole number");
}
