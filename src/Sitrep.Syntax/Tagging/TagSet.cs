namespace Sitrep.Syntax.Tagging;

/// <summary>The tagger's classes: (UPOS, XPOS) pairs seen in training, numbered in the order first seen.</summary>
internal sealed class TagSet
{
    private readonly Dictionary<(string Upos, string Xpos), int> _ids = [];
    private readonly List<string> _upos = [];
    private readonly List<string> _xpos = [];
    private readonly List<int> _uposIds = [];
    private readonly Dictionary<string, int> _uposNames = new(StringComparer.Ordinal);

    public int Count => _upos.Count;

    public string Upos(int id) => _upos[id];

    public string Xpos(int id) => _xpos[id];

    /// <summary>Number of the universal tag of class <paramref name="id"/> (numbered in the order first seen).</summary>
    public int UposId(int id) => _uposIds[id];

    public int Add(string upos, string xpos)
    {
        if (!_ids.TryGetValue((upos, xpos), out var id))
        {
            id = _upos.Count;
            _ids[(upos, xpos)] = id;
            _upos.Add(string.Intern(upos));
            _xpos.Add(string.Intern(xpos));
            if (!_uposNames.TryGetValue(upos, out var u))
            {
                u = _uposNames.Count;
                _uposNames[upos] = u;
            }

            _uposIds.Add(u);
        }

        return id;
    }

    /// <summary>The id of the pair, or -1.</summary>
    public int Find(string upos, string xpos) => _ids.TryGetValue((upos, xpos), out var id) ? id : -1;
}
