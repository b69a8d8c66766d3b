using Bunit;

using LiteAspire.Admin.Components.Shared;
using LiteAspire.Admin.Tests.Support;

using MudBlazor;

namespace LiteAspire.Admin.Tests.Usage;

public class DailySeriesChartTests
{
    private static readonly string[] Days = ["2026-12-06", "2026-12-07", "2026-12-08"];

    [Fact]
    public async Task OneSeries_IsOneChart_SummedUpInItsLabelAndText()
    {
        await using var context = new AdminTestContext();

        var chart = context.Render<DailySeriesChart>(p => p
            .Add(c => c.Title, "Spend")
            .Add(c => c.Labels, Days)
            .Add(c => c.Series, [new DailySeries("Spend", [1.5, 0, 2.25], DailySeries.Usd)]));

        var series = Assert.Single(chart.FindAll("[data-testid=chart-series]"));
        const string summary = "Spend per day from 2026-12-06 to 2026-12-08: total $3.75, highest $2.25 on 2026-12-08.";
        Assert.Equal(summary, series.GetAttribute("aria-label"));
        Assert.Equal(summary, chart.Find("[data-testid=chart-summary]").TextContent);
        Assert.NotEmpty(series.QuerySelectorAll("svg"));
        Assert.Equal(["Day", "Spend"], chart.FindAll("[data-testid=chart-data] thead th").Select(th => th.TextContent));
        Assert.Equal(["2026-12-07", "$0.00"], chart.FindAll("[data-testid=chart-data] tbody tr")[1].Children.Select(c => c.TextContent));
    }

    [Fact]
    public async Task TwoSeries_AreTwoCharts_AndTwoColumns()
    {
        await using var context = new AdminTestContext();

        var chart = context.Render<DailySeriesChart>(p => p
            .Add(c => c.Title, "Spend and requests")
            .Add(c => c.Labels, Days)
            .Add(c => c.Series, [new DailySeries("Spend", [1, 2, 3], DailySeries.Usd), new DailySeries("Requests", [10, 2000, 30])])
            .Add(c => c.ChartType, ChartType.Bar));

        Assert.Equal(2, chart.FindAll("[data-testid=chart-series]").Count);
        Assert.Equal("Requests per day from 2026-12-06 to 2026-12-08: total 2,040, highest 2,000 on 2026-12-07.",
            chart.FindAll("[data-testid=chart-series]")[1].GetAttribute("aria-label"));
        Assert.Equal(["2026-12-07", "$2.00", "2,000"], chart.FindAll("[data-testid=chart-data] tbody tr")[1].Children.Select(c => c.TextContent));
    }

    [Fact]
    public async Task NoDays_SaysThereIsNoData()
    {
        await using var context = new AdminTestContext();

        var chart = context.Render<DailySeriesChart>(p => p
            .Add(c => c.Title, "Spend")
            .Add(c => c.Labels, [])
            .Add(c => c.Series, [new DailySeries("Spend", [])])
            .Add(c => c.EmptyText, "Nothing spent yet."));

        Assert.Equal("Nothing spent yet.", chart.Find("[data-testid=chart-empty]").TextContent);
        Assert.Empty(chart.FindAll("[data-testid=chart-series]"));
    }

    [Fact]
    public async Task ValuesBelowOne_AreNotFlattened_TheAxisWritesThemAsTheyAre()
    {
        await using var context = new AdminTestContext();

        var chart = context.Render<DailySeriesChart>(p => p
            .Add(c => c.Title, "Spend")
            .Add(c => c.Labels, Days)
            .Add(c => c.Series, [new DailySeries("Spend", [0.0001, 0, 0.0003], DailySeries.Usd)]));

        var axis = chart.FindAll("[data-testid=chart-series] svg text").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains("$0.0003", axis);
        Assert.Contains("$0.0001", axis);
    }
}
