namespace LiteAspire.Proxy.Management.Spend;

/// <summary>LiteLLM's spend reading routes: request logs, <c>/global/spend*</c> summaries, the spend report and daily activity.</summary>
public static class SpendEndpoints
{
    /// <summary>Maps the spend routes on the management group.</summary>
    public static RouteGroupBuilder MapSpendEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        // Lambdas taking the HttpRequest, as in the other areas: each maps as a route handler whose IResult is written.
        group.MapGet("/spend/logs", static (HttpRequest request) => SpendLogsEndpoint.LogsAsync(request.HttpContext));
        group.MapGet("/spend/logs/ui", static (HttpRequest request) => SpendLogsEndpoint.UiAsync(request.HttpContext));
        group.MapGet("/spend/keys", static (HttpRequest request) => SpendTablesEndpoints.KeysAsync(request.HttpContext));
        group.MapGet("/spend/users", static (HttpRequest request) => SpendTablesEndpoints.UsersAsync(request.HttpContext));
        group.MapGet("/spend/tags", static (HttpRequest request) => SpendTablesEndpoints.TagsAsync(request.HttpContext));
        group.MapGet("/global/spend", static (HttpRequest request) => GlobalSpendEndpoints.TotalAsync(request.HttpContext));
        group.MapGet("/global/spend/keys", static (HttpRequest request) => GlobalSpendEndpoints.KeysAsync(request.HttpContext));
        group.MapGet("/global/spend/models", static (HttpRequest request) => GlobalSpendEndpoints.ModelsAsync(request.HttpContext));
        group.MapGet("/global/spend/teams", static (HttpRequest request) => GlobalSpendEndpoints.TeamsAsync(request.HttpContext));
        group.MapMethods("/global/spend/end_users", [HttpMethods.Get, HttpMethods.Post],
            static (HttpRequest request) => GlobalSpendEndpoints.EndUsersAsync(request.HttpContext));
        group.MapGet("/global/spend/provider", static (HttpRequest request) => GlobalSpendEndpoints.ProvidersAsync(request.HttpContext));
        group.MapGet("/global/spend/tags", static (HttpRequest request) => GlobalSpendEndpoints.TagsAsync(request.HttpContext));
        group.MapGet("/global/spend/report", static (HttpRequest request) => SpendReport.HandleAsync(request.HttpContext));
        group.MapGet("/global/activity", static (HttpRequest request) => GlobalActivityEndpoint.HandleAsync(request.HttpContext));
        group.MapGet("/user/daily/activity", static (HttpRequest request) => DailyActivityEndpoints.UserAsync(request.HttpContext, aggregated: false));
        group.MapGet("/user/daily/activity/aggregated", static (HttpRequest request) => DailyActivityEndpoints.UserAsync(request.HttpContext, aggregated: true));
        group.MapGet("/team/daily/activity", static (HttpRequest request) => DailyActivityEndpoints.TeamAsync(request.HttpContext, aggregated: false));
        group.MapGet("/team/daily/activity/aggregated", static (HttpRequest request) => DailyActivityEndpoints.TeamAsync(request.HttpContext, aggregated: true));
        group.MapGet("/organization/daily/activity", static (HttpRequest request) => DailyActivityEndpoints.OrganizationAsync(request.HttpContext));
        group.MapGet("/customer/daily/activity", static (HttpRequest request) => DailyActivityEndpoints.CustomerAsync(request.HttpContext));
        group.MapGet("/end_user/daily/activity", static (HttpRequest request) => DailyActivityEndpoints.CustomerAsync(request.HttpContext));
        group.MapGet("/tag/daily/activity", static (HttpRequest request) => DailyActivityEndpoints.TagAsync(request.HttpContext));
        return group;
    }
}
