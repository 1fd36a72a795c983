namespace Sitrep.Corroboration.Alignment;

/// <summary>
/// Splits items into events by complete link: an item joins the first part all of whose members (or the first
/// <c>checkedMembers</c> of them) it may share an event with, else starts a part of its own, so a chain of loose
/// matches never merges two quakes.
/// </summary>
internal static class EventPartition
{
    public static List<List<T>> Of<T>(IEnumerable<T> items, Func<T, T, bool> sameEvent, int checkedMembers = int.MaxValue)
    {
        var parts = new List<List<T>>();
        foreach (var item in items)
        {
            var home = parts.Find(p => p.Take(checkedMembers).All(o => sameEvent(o, item)));
            if (home is null)
            {
                parts.Add([item]);
            }
            else
            {
                home.Add(item);
            }
        }

        return parts;
    }
}
