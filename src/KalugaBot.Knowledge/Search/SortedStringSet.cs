using System.Collections;

namespace KalugaBot.Knowledge.Search;

/// <summary>
/// A read-only set of strings held as one sorted array. The index keeps four such sets per document and language
/// (12,600 of them, most small); as hash sets their buckets and entries took ~8 MB, as arrays ~1.5 MB, and a lookup
/// among a few dozen terms is a handful of ordinal comparisons either way.
/// </summary>
internal sealed class SortedStringSet : IEnumerable<string>
{
    public static readonly SortedStringSet Empty = new([]);

    private readonly string[] _items;

    private SortedStringSet(string[] items) => _items = items;

    /// <param name="pool">Shares one instance of each string among all sets of a build.</param>
    public static SortedStringSet Of(IEnumerable<string> items, Func<string, string> pool)
    {
        var array = items.Distinct(StringComparer.Ordinal).Select(pool).ToArray();
        if (array.Length == 0) return Empty;
        Array.Sort(array, StringComparer.Ordinal);
        return new SortedStringSet(array);
    }

    public int Count => _items.Length;

    public bool Contains(string item) => Array.BinarySearch(_items, item, StringComparer.Ordinal) >= 0;

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
