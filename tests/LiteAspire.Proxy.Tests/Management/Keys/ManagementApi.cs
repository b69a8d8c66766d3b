using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;

using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.Management.Keys;

/// <summary>An HTTP answer of the management API.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, JsonNode? Body, string Text)
{
    public JsonObject Json => Body!.AsObject();

    /// <summary>The OpenAI-shaped error's message.</summary>
    public string ErrorMessage => Body?["error"]?["message"]?.GetValue<string>() ?? "";

    public string? ErrorType => Body?["error"]?["type"]?.GetValue<string>();

    public void AssertStatus(HttpStatusCode expected) => Assert.True(Status == expected, $"expected {(int)expected}, got {(int)Status}: {Text}");
}

/// <summary>Calls and database reads shared by the key and user tests.</summary>
public sealed class ManagementApi(ManagementFixture fixture)
{
    private static readonly ConditionalWeakTable<ManagementFixture, ProxyFactory> s_replicas = [];

    public ManagementFixture Fixture => fixture;

    /// <summary>A second proxy on the same database and Redis, started once and shared by these tests.</summary>
    public ProxyFactory Replica => s_replicas.GetValue(fixture, static f => f.StartProxy());

    public static async Task<ApiAnswer> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try
        {
            json = text.Length > 0 ? JsonNode.Parse(text) : null;
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return new ApiAnswer(response.StatusCode, json, text);
    }

    public static Task<ApiAnswer> PostAsync(HttpClient client, string path, object? body) => SendAsync(client, HttpMethod.Post, path, body);

    public static Task<ApiAnswer> GetAsync(HttpClient client, string path) => SendAsync(client, HttpMethod.Get, path);

    public Task<ApiAnswer> AdminPostAsync(string path, object? body) => PostAsync(fixture.Admin, path, body);

    public Task<ApiAnswer> AdminGetAsync(string path) => GetAsync(fixture.Admin, path);

    /// <summary>As <paramref name="key"/>.</summary>
    public async Task<ApiAnswer> PostAsAsync(string key, string path, object? body)
    {
        using var client = fixture.Client(key);
        return await PostAsync(client, path, body);
    }

    /// <summary>As <paramref name="key"/>.</summary>
    public async Task<ApiAnswer> GetAsAsync(string key, string path)
    {
        using var client = fixture.Client(key);
        return await GetAsync(client, path);
    }

    /// <summary>A key made by the admin; returns the plaintext and the answer.</summary>
    public async Task<(string Key, JsonObject Response)> NewKeyAsync(object? body = null)
    {
        var answer = await AdminPostAsync("/key/generate", body ?? new { });
        answer.AssertStatus(HttpStatusCode.OK);
        return (answer.Json["key"]!.GetValue<string>(), answer.Json);
    }

    /// <summary>A user with <paramref name="role"/> and a key of theirs.</summary>
    public async Task<(string UserId, string Key)> NewUserAsync(string role, string prefix = "user")
    {
        var userId = ManagementFixture.NewId(prefix);
        var answer = await AdminPostAsync("/user/new", new { user_id = userId, user_role = role });
        answer.AssertStatus(HttpStatusCode.OK);
        return (userId, answer.Json["key"]!.GetValue<string>());
    }

    /// <summary>A team written straight to the database (the team routes are tested elsewhere), with members and their roles.</summary>
    public async Task<string> NewTeamAsync(IEnumerable<(string UserId, string Role)> members, IEnumerable<string>? models = null,
        IEnumerable<string>? memberPermissions = null)
    {
        var teamId = ManagementFixture.NewId("team");
        var memberList = members.ToList();
        await using var scope = fixture.Proxy.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>();
        var now = DateTime.UtcNow;
        db.Teams.Add(new TeamTable
        {
            TeamId = teamId,
            TeamAlias = teamId + "-alias",
            MembersWithRoles = new JsonArray([.. memberList.Select(m => (JsonNode)new JsonObject { ["role"] = m.Role, ["user_id"] = m.UserId, ["user_email"] = null })])
                .ToJsonString(),
            Models = [.. models ?? []],
            TeamMemberPermissions = [.. memberPermissions ?? []],
            CreatedAt = now,
            UpdatedAt = now,
        });
        foreach (var (userId, _) in memberList)
        {
            var user = await db.Users.FirstAsync(u => u.UserId == userId);
            user.Teams = [.. user.Teams, teamId];
        }

        await db.SaveChangesAsync();
        return teamId;
    }

    /// <summary>Reads the database in a fresh context.</summary>
    public async Task<T> DbAsync<T>(Func<LiteLLMDbContext, Task<T>> read)
    {
        await using var scope = fixture.Proxy.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>());
    }

    /// <summary>Row counts of the tables the key and user routes write, to prove a refused request wrote nothing.</summary>
    public Task<(int Keys, int Deleted, int Budgets, int Users, int Memberships)> CountsAsync() => DbAsync(async db => (
        await db.VerificationTokens.CountAsync(), await db.DeletedVerificationTokens.CountAsync(), await db.Budgets.CountAsync(),
        await db.Users.CountAsync(), await db.TeamMemberships.CountAsync()));

    /// <summary>The key's row, or null.</summary>
    public Task<VerificationToken?> KeyRowAsync(string key)
    {
        var token = VirtualKeys.ToToken(key);
        return DbAsync(db => db.VerificationTokens.AsNoTracking().Include(k => k.Budget).FirstOrDefaultAsync(k => k.Token == token));
    }

    /// <summary>A chat completion with <paramref name="key"/> against the fake upstream, on the first proxy or <paramref name="proxy"/>.</summary>
    public async Task<ApiAnswer> ChatAsync(string key, string model = "gpt-4o", ProxyFactory? proxy = null)
    {
        using var client = fixture.Client(key, proxy);
        return await PostAsync(client, "/v1/chat/completions", new { model, messages = new[] { new { role = "user", content = "hi" } } });
    }
}
