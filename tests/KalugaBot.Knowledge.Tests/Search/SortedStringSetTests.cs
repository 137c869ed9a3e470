using KalugaBot.Knowledge.Search;

namespace KalugaBot.Knowledge.Tests.Search;

/// <summary>The index's compact sets must answer exactly as the ordinal hash sets they replaced.</summary>
public sealed class SortedStringSetTests
{
    // Case, accents, Cyrillic, CJK, a lone surrogate and the empty string: ordinal comparison tells them all apart.
    private static readonly string[] Alphabet = ["park", "Park", "parks", "zone", "zöne", "парк", "Парк", "园区", "\uD800", "", "a b", "rail*"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Contains_answers_as_an_ordinal_hash_set_does(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var items = Enumerable.Range(0, random.Next(0, 9)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToList();
            var expected = items.ToHashSet(StringComparer.Ordinal);
            var set = SortedStringSet.Of(items, s => s);

            Assert.Equal(expected.Count, set.Count);
            Assert.Equal(expected.Order(StringComparer.Ordinal), set);
            foreach (var probe in Alphabet) Assert.Equal(expected.Contains(probe), set.Contains(probe));
        }
    }

    [Fact]
    public void Equal_strings_from_different_texts_are_kept_once()
    {
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        string Intern(string s) => pool.TryGetValue(s, out var shared) ? shared : pool[s] = s;
        var first = SortedStringSet.Of([new string("park".AsSpan())], Intern);
        var second = SortedStringSet.Of([new string("park".AsSpan()), "zone"], Intern);

        Assert.Same(first.Single(), second.First());
        Assert.Same(SortedStringSet.Empty, SortedStringSet.Of([], Intern));
    }
}
