using Xunit.Abstractions;

namespace KalugaBot.Matching.Tests.Extraction;

/// <summary>Requirement extraction, one table per language: ranges, bounds, unit conversion, words and "no number at all".</summary>
public sealed class ExtractionTests(ITestOutputHelper output)
{
    private void Run(string lang, string text, string expected)
    {
        var extraction = Extractors.Shared.Extract(text, lang);
        output.WriteLine($"[{lang}] {text}\n  = {extraction.NormalizedText}\n  → {System.Text.Json.JsonSerializer.Serialize(extraction.Requirements)}");
        Expectation.Check(extraction.Requirements, expected);
    }

    [Theory]
    [InlineData("We are a German auto-parts supplier, need 15–20 ha, about 10 MW, rail siding preferred, within 150 km of Moscow", "area>=15 area<=20 power=10 rail=Preferred moscow<=150 industry=automotive country=DE")]
    [InlineData("I need about 100 hectares close to Moscow with rail access.", "area>=100 moscow<=120 rail=Required")]
    [InlineData("We make wood panels and need a big site with a railway branch.", "rail=Required industry=wood")]
    [InlineData("Which park suits a pharmaceutical company?", "industry=pharma")]
    [InlineData("at least 50 acres and up to 12 MVA", "area>=20.234 power=12")]
    [InlineData("a 200,000 sq ft plant, 800 kW, gas 500 m3/h", "area>=1.858 power=0.8 gas=500")]
    [InlineData("up to 30 hectares, no more than 100 miles from Moscow, SEZ customs regime needed", "area<=30 moscow<=160.934 sez=Required")]
    [InlineData("fifty hectares with water 200 m3/day", "area>=50 water=200")]
    [InlineData("Tell me about the region's history.", "none")]
    [InlineData("between 40 and 60 ha near the M3 motorway", "area>=40 area<=60 motorway=Required")]
    public void English(string text, string expected) => Run("en", text, expected);

    [Theory]
    [InlineData("Нужен участок 50 га с железнодорожной веткой.", "area>=50 rail=Required")]
    [InlineData("Нужен участок 50 га, газ, рядом трасса М3", "area>=50 gaswish=Required motorway=Required")]
    [InlineData("не менее пятидесяти гектаров, до 10 МВт, не дальше 150 км от Москвы", "area>=50 power=10 moscow<=150")]
    [InlineData("от 15 до 20 га, 1,5 тыс. кВт, ж/д ветка желательно", "area>=15 area<=20 power=1.5 rail=Preferred")]
    [InlineData("Пятнадцать тысяч квадратных метров для фармацевтического производства в ОЭЗ", "area>=1.5 industry=pharma sez=Required")]
    [InlineData("Какая погода в Калуге?", "none")]
    public void Russian(string text, string expected) => Run("ru", text, expected);

    [Theory]
    [InlineData("Wir sind ein Automobilzulieferer und brauchen mindestens 20 Hektar mit Gleisanschluss", "area>=20 rail=Required industry=automotive")]
    [InlineData("15-20 ha, etwa 10 MW, höchstens 150 km von Moskau, Gleisanschluss bevorzugt", "area>=15 area<=20 power=10 moscow<=150 rail=Preferred")]
    [InlineData("fünfzig Hektar für Lebensmittel", "area>=50 industry=food")]
    [InlineData("Wie ist das Wetter?", "none")]
    public void German(string text, string expected) => Run("de", text, expected);

    [Theory]
    [InlineData("Nous cherchons au moins 25 hectares avec embranchement ferroviaire, à moins de 100 km de Moscou", "area>=25 rail=Required moscow<=100")]
    [InlineData("jusqu'à 12 MW et une zone franche douanière pour l'agroalimentaire", "power=12 sez=Required industry=food")]
    [InlineData("trente hectares", "area>=30")]
    [InlineData("Bonjour, comment allez-vous ?", "none")]
    public void French(string text, string expected) => Run("fr", text, expected);

    [Theory]
    [InlineData("Mi servono 30 ettari con raccordo ferroviario", "area>=30 rail=Required")]
    [InlineData("almeno 10 ettari, fino a 5 MW, vicino a Mosca, settore farmaceutico", "area>=10 power=5 moscow<=120 industry=pharma")]
    [InlineData("da 15 a 20 ettari, entro 150 km da Mosca", "area>=15 area<=20 moscow<=150")]
    [InlineData("cinquanta ettari per la lavorazione del legno", "area>=50 industry=wood")]
    [InlineData("Grazie mille", "none")]
    public void Italian(string text, string expected) => Run("it", text, expected);

    [Theory]
    [InlineData("Precisamos de pelo menos 40 hectares com ramal ferroviário, perto de Moscou", "area>=40 rail=Required moscow<=120")]
    [InlineData("até 8 MW e 50.000 m2 para logística", "power=8 area>=5 industry=logistics")]
    [InlineData("vinte hectares", "area>=20")]
    [InlineData("Obrigado pela ajuda", "none")]
    public void Portuguese(string text, string expected) => Run("pt", text, expected);

    [Theory]
    [InlineData("我们需要至少30公顷土地，靠近莫斯科，需要铁路专用线", "area>=30 moscow<=120 rail=Required")]
    [InlineData("汽车零部件工厂，需要15-20公顷，10兆瓦", "area>=15 area<=20 power=10 industry=automotive")]
    [InlineData("五十公顷，不超过800千瓦", "area>=50 power=0.8")]
    [InlineData("你好", "none")]
    public void Chinese(string text, string expected) => Run("zh", text, expected);
}
