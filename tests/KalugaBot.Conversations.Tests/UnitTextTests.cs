using System.Text.RegularExpressions;
using KalugaBot.Bot.Language;
using KalugaBot.Bot.Paths;
using KalugaBot.Bot.Templates;

namespace KalugaBot.Conversations.Tests;

/// <summary>Units are worded in the reply language (dialogs/units.yaml), with the plural form the number takes.</summary>
public sealed partial class UnitTextTests
{
    private static readonly TemplateCatalog Templates = TemplateCatalog.LoadFolder(RepoPaths.Find("dialogs"));
    private static readonly UnitText Units = new(Templates);

    // The investor's figures the matching replies print (ValueText.Wanted).
    private static readonly string[] MatchingUnits = ["ha", "MW", "km", "m³/h", "m³/day"];

    [Fact]
    public void Every_unit_in_the_knowledge_and_in_matching_is_worded_in_all_seven_languages()
    {
        var units = Directory.EnumerateFiles(RepoPaths.Find("knowledge"), "*.yaml", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines).Select(line => UnitLine().Match(line)).Where(m => m.Success)
            .Select(m => m.Groups["unit"].Value.Trim().Trim('\'', '"')).Concat(MatchingUnits).Distinct().ToList();
        Assert.True(units.Count > 30, $"only {units.Count} units found");
        foreach (var unit in units)
        {
            var key = "units." + UnitText.Key(unit);
            Assert.True(Templates.Has(key), $"no template {key} for the unit '{unit}'");
            Assert.All(Languages.Supported, language => Assert.Contains(language, Templates.LanguagesOf(key)));
            // Russian words one|few|many (or one form for all); zh has no plural; the others one|other.
            Assert.Contains(Templates.Render(key, "ru").Split('|').Length, new[] { 1, 3 });
            Assert.Single(Templates.Render(key, "zh").Split('|'));
        }
    }

    [Theory]
    [InlineData("10", 10, "years", "ru", "10 лет")]
    [InlineData("2", 2, "years", "ru", "2 года")]
    [InlineData("1", 1, "year", "ru", "1 год")]
    [InlineData("21", 21, "years", "ru", "21 год")]
    [InlineData("11", 11, "years", "ru", "11 лет")]
    [InlineData("14", 14, "years", "ru", "14 лет")]
    [InlineData("1,5", 1.5, "years", "ru", "1,5 года")]
    [InlineData("1", 1, "years", "en", "1 year")]
    [InlineData("10", 10, "years", "de", "10 Jahre")]
    [InlineData("1,5", 1.5, "years", "fr", "1,5 an")]
    [InlineData("1 107", 1107, "ha", "ru", "1 107 га")]
    [InlineData("1,107", 1107, "ha", "zh", "1,107 公顷")]
    [InlineData("5", 5, "place", "de", "Platz 5")]
    [InlineData("1", 1, "place", "fr", "1re place")]
    [InlineData("7", 7, "place", "fr", "7e place")]
    [InlineData("35", 35, "residents", "zh", "35家入驻企业")]
    [InlineData("0,9", 0.9, "%", "ru", "0,9 %")]
    [InlineData("0.9", 0.9, "%", "en", "0.9%")]
    [InlineData("12", 12, "m³/day", "de", "12 m³/Tag")]
    [InlineData("3", 3, "bn RUB", "ru", "3 млрд руб.")]
    [InlineData("4", 4, "widgets", "ru", "4 widgets")] // a unit nobody has worded yet reads as written
    public void A_number_takes_its_units_word_and_plural_form(string number, double value, string unit, string language, string expected) =>
        Assert.Equal(expected, Units.Quantity(number, (decimal)value, unit, language));

    [GeneratedRegex(@"^\s*unit:\s*(?<unit>[^#]+?)\s*(#.*)?$")]
    private static partial Regex UnitLine();
}
