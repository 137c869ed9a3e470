using KalugaBot.Knowledge.Search;

namespace KalugaBot.Knowledge.Tests.Search;

public sealed class LexiconTests(RepoKnowledge knowledge) : IClassFixture<RepoKnowledge>
{
    private static readonly TextAnalysis Analysis = new();

    private static ConceptMatcher Matcher(params string[][] groups) =>
        new(groups.Select(g => new Concept(Concept.SynonymId(g), g)), Analysis);

    [Theory]
    [InlineData("How many hectares are free?", "en")]
    [InlineData("Quanti ettari sono liberi?", "it")]
    [InlineData("Wie viel Hektar sind frei?", "de")]
    [InlineData("Сколько гектаров свободно?", "ru")]
    [InlineData("有多少公顷？", "zh")]
    public void Hectares_are_one_concept_in_every_language(string question, string language)
    {
        var matcher = Matcher(["hectare", "hectares", "ha", "гектар", "Hektar", "ettari", "ettaro", "公顷"]);

        Assert.Contains("syn:hectare", matcher.Match(question, ConceptMatcher.QueryLanguages(language)).Ids);
    }

    [Theory]
    [InlineData("Сколько индустриальных парков в области?", "ru")]
    [InlineData("C'è un parco industriale vicino a Mosca?", "it")]
    [InlineData("Combien de parcs industriels ?", "fr")]
    [InlineData("Quantos parques industriais existem?", "pt")]
    [InlineData("Wie viele Industrieparks gibt es?", "de")]
    [InlineData("卡卢加州有多少个工业园区？", "zh")]
    public void Inflected_phrasings_match_after_stemming(string question, string language)
    {
        var matcher = Matcher(["industrial park", "Industriepark", "индустриальный парк", "parc industriel", "parco industriale", "parque industrial", "工业园区"]);

        Assert.Contains("syn:industrial park", matcher.Match(question, ConceptMatcher.QueryLanguages(language)).Ids);
    }

    [Theory]
    [InlineData("Is there land in Worsino?", "de")]
    [InlineData("Что есть в Ворсино?", "ru")]
    [InlineData("Tell me about Vorsino", "en")]
    public void Park_names_and_transliterations_meet(string question, string language)
    {
        var matcher = Matcher(["Vorsino", "Ворсино", "Worsino"]);

        Assert.Contains("syn:vorsino", matcher.Match(question, ConceptMatcher.QueryLanguages(language)).Ids);
    }

    [Fact]
    public void A_phrase_must_appear_whole_and_in_order()
    {
        var matcher = Matcher(["special economic zone", "SEZ"]);

        Assert.Empty(matcher.Match("a special zone with an economic plan", ["en"]).Ids);
    }

    [Theory]
    [InlineData("SEZ", "en")]
    [InlineData("ОЭЗ «Калуга»", "ru")]
    [InlineData("die Sonderwirtschaftszone", "de")]
    [InlineData("la zone économique spéciale", "fr")]
    [InlineData("la ZES", "it")]
    [InlineData("经济特区", "zh")]
    [InlineData("a zona económica especial", "pt")]
    public void The_repository_lexicon_knows_the_SEZ_in_every_language(string text, string language)
    {
        var matcher = new ConceptMatcher(knowledge.Snapshot.Lexicon.Groups.Select(g => new Concept(Concept.SynonymId(g), g)), Analysis);

        Assert.Contains("syn:sez", matcher.Match(text, ConceptMatcher.QueryLanguages(language)).Ids);
    }

    [Fact]
    public void Every_answerable_park_field_has_phrasings_in_the_lexicon()
    {
        var missing = SearchDocuments.AnswerableFields
            .Where(f => !knowledge.Snapshot.Lexicon.Groups.Any(g => string.Equals(g[0], f, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.Empty(missing);
    }
}
