using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.Management.Spend;

/// <summary>
/// The spend tests' own database (a <see cref="ManagementFixture"/> of their own, so global sums see only their rows) and
/// the rows they write straight through the DbContext, as the Worker would.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SpendTests : ICollectionFixture<ManagementFixture>
{
    public const string Name = "spend";
}

/// <summary>Writing spend rows and reading the spend routes.</summary>
internal static class SpendData
{
    /// <summary>A SpendLogs row; fill what the test needs.</summary>
    public static SpendLogs Log(string requestId, DateTime start, double spend, string apiKey = "", string model = "gpt-4o", string? user = null,
        string? team = null, string? endUser = null, string tags = "[]", string provider = "openai", int tokens = 10) => new()
        {
            RequestId = requestId, CallType = "acompletion", StartTime = start, EndTime = start.AddSeconds(1), Spend = spend, ApiKey = apiKey, Model = model,
            User = user, TeamId = team, EndUser = endUser, RequestTags = tags, CustomLlmProvider = provider, TotalTokens = tokens,
            PromptTokens = tokens / 2, CompletionTokens = tokens - (tokens / 2), Status = "success",
        };

    /// <summary>Writes <paramref name="rows"/> (SpendLogs, Daily* rows, users, keys...) in one save.</summary>
    public static Task AddAsync(ManagementFixture fixture, params object[] rows) => AddAsync(fixture.Proxy, rows);

    /// <summary>Writes <paramref name="rows"/> to <paramref name="proxy"/>'s database.</summary>
    public static async Task AddAsync(ProxyFactory proxy, params object[] rows)
    {
        await using var scope = proxy.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>();
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }

    /// <summary>A user with <paramref name="role"/> and a key of theirs, written to the database.</summary>
    public static async Task<(string UserId, string Key)> UserAsync(ManagementFixture fixture, string role, params string[] teams)
    {
        var key = "sk-" + Guid.NewGuid().ToString("N");
        var userId = ManagementFixture.NewId("user");
        await AddAsync(fixture,
            new UserTable { UserId = userId, UserRole = role, Teams = [.. teams] },
            new VerificationToken { Token = VirtualKeys.Hash(key), KeyName = VirtualKeys.DisplayName(key), UserId = userId });
        return (userId, key);
    }

    /// <summary>A new Daily*Spend row id.</summary>
    public static string Id() => Guid.NewGuid().ToString();

    /// <summary>A Daily*Spend row's metrics: 100 prompt and 50 completion tokens, <paramref name="requests"/> successful requests.</summary>
    public static T Daily<T>(T row, double spend, string? model = "gpt-4o", string? provider = "openai", long requests = 1)
        where T : DailyAggregateRow
    {
        row.Spend = spend;
        row.Model = model;
        row.ModelGroup = model;
        row.CustomLlmProvider = provider;
        row.PromptTokens = 100;
        row.CompletionTokens = 50;
        row.ApiRequests = requests;
        row.SuccessfulRequests = requests;
        row.CreatedAt = row.UpdatedAt = DateTime.UtcNow;
        return row;
    }

    /// <summary>GETs <paramref name="path"/> with <paramref name="key"/> (the master key when null).</summary>
    public static async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(ManagementFixture fixture, string path, string? key = null)
    {
        using var client = fixture.Client(key ?? ManagementFixture.MasterKey);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>GETs as the admin and asserts a 200.</summary>
    public static async Task<JsonNode> AdminGetAsync(ManagementFixture fixture, string path)
    {
        var (status, body) = await GetAsync(fixture, path);
        Assert.True(status == HttpStatusCode.OK, $"{path}: {(int)status} {body?.ToJsonString()}");
        return body!;
    }

    public static double Number(JsonNode? node) => node!.GetValue<double>();
}
