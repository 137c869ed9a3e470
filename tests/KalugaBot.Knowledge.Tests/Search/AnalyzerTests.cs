using KalugaBot.Knowledge.Search;

namespace KalugaBot.Knowledge.Tests.Search;

public sealed class AnalyzerTests
{
    private static readonly TextAnalysis Analysis = new();

    private static List<string> Terms(string language, string text) => Analysis.Tokens(language, text).Select(t => t.Term).ToList();

    [Theory]
    [InlineData("en", "industrial parks", "industrial park")]
    [InlineData("ru", "индустриальных парков", "индустриальный парк")]
    [InlineData("ru", "зелёный", "зеленый")]
    [InlineData("de", "Unternehmens", "Unternehmen")]
    [InlineData("de", "Größe", "grosse")]
    [InlineData("fr", "zones économiques", "zone economique")]
    [InlineData("it", "aziende italiane", "azienda italiana")]
    [InlineData("pt", "parques industriais", "parque industrial")]
    public void Inflections_and_accents_analyse_to_the_same_terms(string language, string a, string b)
    {
        Assert.Equal(Terms(language, b), Terms(language, a));
        Assert.NotEmpty(Terms(language, a));
    }

    [Theory]
    [InlineData("en", "the of and")]
    [InlineData("ru", "и в на")]
    [InlineData("de", "der die das und")]
    [InlineData("fr", "le la les et")]
    [InlineData("it", "il la e di")]
    [InlineData("pt", "o a e de")]
    public void Stop_words_are_dropped(string language, string text) => Assert.Empty(Terms(language, text));

    [Fact]
    public void Chinese_is_indexed_as_overlapping_character_pairs()
    {
        var terms = Terms("zh", "卡卢加州有多少个工业园区");

        Assert.Equal(["卡卢", "卢加", "加州", "州有", "有多", "多少", "少个", "个工", "工业", "业园", "园区"], terms);
    }

    [Fact]
    public void Unknown_languages_fall_back_to_English() => Assert.Equal("en", SearchLanguages.Normalize("es-ES"));
}
