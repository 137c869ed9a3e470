using KalugaBot.Knowledge.Facts;

namespace KalugaBot.Knowledge.Tests.Facts;

public class AsOfTests
{
    [Theory]
    [InlineData("2021-04-28", 2021, 4, 28)]
    [InlineData("2015-09", 2015, 9, 1)]
    [InlineData("2019", 2019, 1, 1)]
    [InlineData("2021 census", 2021, 1, 1)]
    [InlineData("2012-10 to 2013-04 (project dates)", 2012, 10, 1)]
    [InlineData("2013-10-23/24", 2013, 10, 23)]
    [InlineData("January 2013 estimate", 2013, 1, 1)]
    [InlineData("edition of 25.10.2012", 2012, 1, 1)]
    public void Dated_texts_keep_their_wording_and_get_the_first_date(string text, int year, int month, int day)
    {
        var asOf = AsOf.Parse(text);

        Assert.Equal(text, asOf.Text);
        Assert.False(asOf.IsUndated);
        Assert.Equal(new DateOnly(year, month, day), asOf.Date);
    }

    [Theory]
    [InlineData("undated")]
    [InlineData("undated (c. 2013)")]
    [InlineData("undated (25 Oct of an unstated year; governor Artamonov)")]
    public void Undated_texts_have_no_date(string text)
    {
        var asOf = AsOf.Parse(text);

        Assert.True(asOf.IsUndated);
        Assert.Null(asOf.Date);
        Assert.Equal(text, asOf.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("2020-13-01")]
    [InlineData("2021-02-30")]
    public void Nonsense_is_rejected(string text) => Assert.Null(AsOf.TryParse(text));

    [Fact]
    public void Undated_ranks_below_every_dated_value_and_hints_only_break_ties()
    {
        var ordered = new[] { "undated", "1998", "undated (c. 2024)", "2024-03-11", "2010" }
            .Select(AsOf.Parse).OrderByDescending(a => a).Select(a => a.Text).ToList();

        Assert.Equal(["2024-03-11", "2010", "1998", "undated (c. 2024)", "undated"], ordered);
    }
}
