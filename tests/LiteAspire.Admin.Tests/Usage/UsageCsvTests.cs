using LiteAspire.Admin.Components.Pages.Usage;
using LiteAspire.Admin.Export;

namespace LiteAspire.Admin.Tests.Usage;

public class UsageCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\r\nlf", "\"cr\r\nlf\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    public void Text_IsQuotedWhenItMustBe_AndNeverRunsAsAFormula(string? value, string expected) =>
        Assert.Equal(expected + "\r\n", new CsvBuilder().Text(value).EndRow().ToString());

    [Fact]
    public void Numbers_AreInvariant_AndNeverPrefixed()
    {
        var csv = new CsvBuilder().Number(-1.5).Number(1234567L).Number(0.1 + 0.2).Number(5.4e-6).EndRow().ToString();

        Assert.Equal("-1.5,1234567,0.3,0.0000054\r\n", csv);
    }

    [Fact]
    public void Rows_AreSeparatedByCrLf_FieldsByCommas()
    {
        var csv = new CsvBuilder().Row("a", "b").Text("c").Number(1L).EndRow().ToString();

        Assert.Equal("a,b\r\nc,1\r\n", csv);
    }

    [Fact]
    public void UsageCsv_HasAHeaderAndARowPerGroup()
    {
        var query = new UsageQuery(UsageGrouping.Team, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 8));
        UsageGroup[] groups =
        [
            new("team-research", "research, \"R&D\"", 0.0002625, 4, 1, 9, 24, 33),
            new("team-search", "search", 12.5, 6, 0, 19, 48, 67),
        ];

        var csv = UsageCsv.Build(query, groups);

        Assert.Equal(
            "team,team_id,spend_usd,requests,failed_requests,prompt_tokens,completion_tokens,total_tokens\r\n"
            + "\"research, \"\"R&D\"\"\",team-research,0.0002625,4,1,9,24,33\r\n"
            + "search,team-search,12.5,6,0,19,48,67\r\n",
            csv);
        Assert.Equal("usage-by-team-2026-12-01-to-2026-12-08.csv", UsageCsv.FileName(query));
    }
}
