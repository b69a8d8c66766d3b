using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Tests.Endpoints;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.Management.Teams;

/// <summary>Row counts of the tables the team and organization endpoints write, to prove a refused request wrote nothing.</summary>
internal sealed record TableCounts(int Teams, int Users, int TeamMemberships, int Budgets, int Organizations, int OrganizationMemberships,
    int Keys, int DeletedTeams, int DeletedKeys);

/// <summary>Rows and requests the team and organization tests share.</summary>
internal static class TeamTestData
{
    public static async Task<T> DbAsync<T>(this ManagementFixture fixture, Func<LiteLLMDbContext, Task<T>> work)
    {
        await using var scope = fixture.Proxy.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>());
    }

    public static Task<TeamTable?> TeamRowAsync(this ManagementFixture fixture, string teamId) =>
        fixture.DbAsync(db => db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.TeamId == teamId));

    public static Task<UserTable?> UserRowAsync(this ManagementFixture fixture, string userId) =>
        fixture.DbAsync(db => db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserId == userId));

    public static Task<TableCounts> CountsAsync(this ManagementFixture fixture) => fixture.DbAsync(async db => new TableCounts(
        await db.Teams.CountAsync(), await db.Users.CountAsync(), await db.TeamMemberships.CountAsync(), await db.Budgets.CountAsync(),
        await db.Organizations.CountAsync(), await db.OrganizationMemberships.CountAsync(), await db.VerificationTokens.CountAsync(),
        await db.DeletedTeams.CountAsync(), await db.DeletedVerificationTokens.CountAsync()));

    /// <summary>A new virtual key (inserted directly) for <paramref name="userId"/> (created with <paramref name="userRole"/> when missing) and/or a team.</summary>
    public static async Task<string> NewKeyAsync(this ManagementFixture fixture, string? userId = null, string? userRole = LiteLLMRoles.InternalUser,
        string? teamId = null, string? organizationId = null)
    {
        var key = VirtualKeys.Generate();
        await fixture.DbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            if (userId is not null && await db.Users.FindAsync(userId) is null)
            {
                db.Users.Add(new UserTable { UserId = userId, UserRole = userRole, CreatedAt = now, UpdatedAt = now });
            }

            db.VerificationTokens.Add(new VerificationToken
            {
                Token = VirtualKeys.Hash(key),
                KeyName = VirtualKeys.DisplayName(key),
                UserId = userId,
                TeamId = teamId,
                OrganizationId = organizationId,
                CreatedAt = now,
                UpdatedAt = now,
            });
            return await db.SaveChangesAsync();
        });
        return key;
    }

    /// <summary>Creates a team as the admin with <paramref name="fields"/> (a fresh <c>team_id</c> unless given).</summary>
    public static async Task<JsonObject> NewTeamAsync(this ManagementFixture fixture, JsonObject? fields = null)
    {
        var body = fields ?? [];
        body["team_id"] ??= ManagementFixture.NewId("team");
        return await fixture.AdminPostAsync("/team/new", body);
    }

    public static JsonObject Member(string role, string? userId = null, string? userEmail = null)
    {
        var member = new JsonObject { ["role"] = role };
        if (userId is not null)
        {
            member["user_id"] = userId;
        }

        if (userEmail is not null)
        {
            member["user_email"] = userEmail;
        }

        return member;
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string json) =>
        client.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    public static Task<HttpResponseMessage> GetPathAsync(this HttpClient client, string path) => client.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>Asserts the OpenAI error shape with <paramref name="status"/>, a message containing <paramref name="fragment"/>, and the type when given.</summary>
    public static async Task<JsonObject> AssertErrorAsync(this HttpResponseMessage response, int status, string fragment, string? type = null)
    {
        var error = await response.AssertOpenAIErrorAsync(status);
        Assert.Contains(fragment, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        if (type is not null)
        {
            Assert.Equal(type, error["type"]!.GetValue<string>());
        }

        return error;
    }

    public static async Task<HttpResponseMessage> ChatAsync(this HttpClient client) =>
        await client.PostAsJsonAsync(new Uri("/v1/chat/completions", UriKind.Relative), GatewayClientExtensions.Chat("gpt-4o"));

    /// <summary>Waits (polling) for <paramref name="condition"/>: changes reach other replicas through Redis pub/sub, not within the call.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for: {what}");
            await Task.Delay(50);
        }
    }

    public static string Text(this JsonNode? node) => node!.GetValue<string>();
}
