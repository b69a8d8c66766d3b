namespace LiteAspire.Admin.ProxyApi.Overview;

/// <summary>What the overview shows, as the proxy computed it (every sum is the database's).</summary>
public sealed record OverviewFigures
{
    /// <summary>Spend today (UTC).</summary>
    public double SpendToday { get; init; }

    /// <summary>Spend since the first of this month (UTC).</summary>
    public double SpendThisMonth { get; init; }

    /// <summary>Requests over the charted days.</summary>
    public long Requests { get; init; }

    /// <summary>Failed requests over the charted days.</summary>
    public long FailedRequests { get; init; }

    /// <summary>Virtual keys in all.</summary>
    public int Keys { get; init; }

    /// <summary>Teams in all.</summary>
    public int Teams { get; init; }

    /// <summary>One entry per charted day, oldest first (days without traffic included, at zero).</summary>
    public IReadOnlyList<DayFigures> Days { get; init; } = [];

    /// <summary>The models with the highest spend.</summary>
    public IReadOnlyList<NamedSpend> TopModels { get; init; } = [];

    /// <summary>The keys with the highest spend.</summary>
    public IReadOnlyList<NamedSpend> TopKeys { get; init; } = [];

    /// <summary>The teams with the highest spend.</summary>
    public IReadOnlyList<NamedSpend> TopTeams { get; init; } = [];

    /// <summary>Failed requests as a share of all requests, 0 when there were none.</summary>
    public double ErrorRate => Requests == 0 ? 0 : (double)FailedRequests / Requests;
}

/// <summary>One day's spend and requests.</summary>
public sealed record DayFigures(string Date, double Spend, long Requests, long FailedRequests);

/// <summary>A name and its spend.</summary>
public sealed record NamedSpend(string Name, double Spend);
