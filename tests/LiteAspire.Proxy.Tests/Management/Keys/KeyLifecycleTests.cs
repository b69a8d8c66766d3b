using System.Diagnostics;
using System.Net;

using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Tests.Management.Keys;

/// <summary>What key changes do to LLM calls: at once, on this proxy and on a second replica that had the key cached.</summary>
[Collection(ManagementTests.Name)]
public sealed class KeyLifecycleTests(ManagementFixture fixture)
{
    // Replicas hear of an invalidation through Redis pub/sub; without it they would keep the key for the 60 s cache TTL.
    private static readonly TimeSpan s_propagation = TimeSpan.FromSeconds(3);

    private readonly ManagementApi _api = new(fixture);

    [Fact]
    public async Task Block_RefusesAtOnceOnBothReplicas_UnblockRestores()
    {
        var (key, _) = await _api.NewKeyAsync();
        var replica = _api.Replica;
        (await _api.ChatAsync(key)).AssertStatus(HttpStatusCode.OK);
        (await _api.ChatAsync(key, proxy: replica)).AssertStatus(HttpStatusCode.OK);

        var blocked = await _api.AdminPostAsync("/key/block", new { key });

        blocked.AssertStatus(HttpStatusCode.OK);
        Assert.True(blocked.Json["blocked"]!.GetValue<bool>());
        Assert.True((await _api.KeyRowAsync(key))!.Blocked);
        var here = await _api.ChatAsync(key);
        here.AssertStatus(HttpStatusCode.Unauthorized);
        Assert.Contains("blocked", here.ErrorMessage, StringComparison.Ordinal);
        await AssertSoonAsync(key, replica, HttpStatusCode.Unauthorized);

        (await _api.AdminPostAsync("/key/unblock", new { key = VirtualKeys.Hash(key) })).AssertStatus(HttpStatusCode.OK);

        Assert.False((await _api.KeyRowAsync(key))!.Blocked);
        (await _api.ChatAsync(key)).AssertStatus(HttpStatusCode.OK);
        await AssertSoonAsync(key, replica, HttpStatusCode.OK);
    }

    [Fact]
    public async Task UpdateBlocked_RefusesOnTheCachingReplica()
    {
        var (key, _) = await _api.NewKeyAsync();
        var replica = _api.Replica;
        (await _api.ChatAsync(key, proxy: replica)).AssertStatus(HttpStatusCode.OK);

        (await _api.AdminPostAsync("/key/update", new { key, blocked = true })).AssertStatus(HttpStatusCode.OK);

        await AssertSoonAsync(key, replica, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Delete_RefusesTheKey_AndKeepsACopyForSpendHistory()
    {
        var (key, _) = await _api.NewKeyAsync(new { key_alias = ManagementFixture.NewId("del") });
        var replica = _api.Replica;
        (await _api.ChatAsync(key, proxy: replica)).AssertStatus(HttpStatusCode.OK);

        var answer = await _api.AdminPostAsync("/key/delete", new { keys = new[] { key } });

        answer.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(key, answer.Json["deleted_keys"]![0]!.GetValue<string>());
        Assert.Null(await _api.KeyRowAsync(key));
        var token = VirtualKeys.Hash(key);
        var copy = await _api.DbAsync(db => db.DeletedVerificationTokens.AsNoTracking().SingleAsync(d => d.Token == token));
        Assert.Equal("default_user_id", copy.DeletedBy);
        Assert.Equal(VirtualKeys.Hash(ManagementFixture.MasterKey), copy.DeletedByApiKey);
        var chat = await _api.ChatAsync(key);
        chat.AssertStatus(HttpStatusCode.Unauthorized);
        await AssertSoonAsync(key, replica, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Delete_ByAlias_DeletesThatKey()
    {
        var alias = ManagementFixture.NewId("alias");
        var (key, _) = await _api.NewKeyAsync(new { key_alias = alias });
        var (other, _) = await _api.NewKeyAsync();

        var answer = await _api.AdminPostAsync("/key/delete", new { key_aliases = new[] { alias } });

        answer.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(alias, answer.Json["deleted_keys"]![0]!.GetValue<string>());
        Assert.Null(await _api.KeyRowAsync(key));
        Assert.NotNull(await _api.KeyRowAsync(other));
        (await _api.ChatAsync(key)).AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Duration_ExpiredKey_IsRefused()
    {
        var (key, response) = await _api.NewKeyAsync(new { duration = "1s" });
        var created = response["created_at"]!.GetValue<DateTime>().ToUniversalTime();
        var expires = response["expires"]!.GetValue<DateTime>().ToUniversalTime();
        Assert.InRange(expires - created, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5));

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var chat = await _api.ChatAsync(key);

        Assert.True(chat.Status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, chat.Text);
        Assert.Equal("expired_key", chat.ErrorType);
    }

    [Fact]
    public async Task Regenerate_OldKeyRefused_NewKeyWorks_SameRow()
    {
        var alias = ManagementFixture.NewId("rot");
        var (oldKey, generated) = await _api.NewKeyAsync(new { key_alias = alias, max_budget = 5.0 });
        var replica = _api.Replica;
        (await _api.ChatAsync(oldKey, proxy: replica)).AssertStatus(HttpStatusCode.OK);

        var answer = await _api.AdminPostAsync("/key/regenerate", new { key = oldKey, max_budget = 7.0 });

        answer.AssertStatus(HttpStatusCode.OK);
        var newKey = answer.Json["key"]!.GetValue<string>();
        Assert.NotEqual(oldKey, newKey);
        Assert.StartsWith("sk-", newKey, StringComparison.Ordinal);
        Assert.Equal(VirtualKeys.Hash(newKey), answer.Json["token"]!.GetValue<string>());
        Assert.Equal($"sk-...{newKey[^4..]}", answer.Json["key_name"]!.GetValue<string>());
        Assert.Null(await _api.KeyRowAsync(oldKey));
        var row = await _api.KeyRowAsync(newKey);
        Assert.Equal(alias, row!.KeyAlias);
        Assert.Equal(7.0, row.MaxBudget);
        Assert.Equal(1, row.RotationCount);
        Assert.NotNull(row.LastRotationAt);
        Assert.Equal(generated["created_at"]!.GetValue<DateTime>().ToUniversalTime(), row.CreatedAt!.Value, TimeSpan.FromMilliseconds(1));
        var oldToken = VirtualKeys.Hash(oldKey);
        Assert.True(await _api.DbAsync(db => db.DeletedVerificationTokens.AnyAsync(d => d.Token == oldToken && d.KeyAlias == alias)));
        (await _api.ChatAsync(oldKey)).AssertStatus(HttpStatusCode.Unauthorized);
        await AssertSoonAsync(oldKey, replica, HttpStatusCode.Unauthorized);
        (await _api.ChatAsync(newKey)).AssertStatus(HttpStatusCode.OK);
        (await _api.ChatAsync(newKey, proxy: replica)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RegeneratePathForm_WithNewKey_UsesIt()
    {
        var (oldKey, _) = await _api.NewKeyAsync();
        var chosen = "sk-chosen-" + Guid.NewGuid().ToString("N");

        var answer = await _api.AdminPostAsync($"/key/{oldKey}/regenerate", new { new_key = chosen });

        answer.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(chosen, answer.Json["key"]!.GetValue<string>());
        (await _api.ChatAsync(chosen)).AssertStatus(HttpStatusCode.OK);
        (await _api.ChatAsync(oldKey)).AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RegeneratePathForm_EmptyBody_AcceptsTheHash()
    {
        var (oldKey, _) = await _api.NewKeyAsync();

        var answer = await _api.AdminPostAsync($"/key/{VirtualKeys.Hash(oldKey)}/regenerate", "");

        answer.AssertStatus(HttpStatusCode.OK);
        (await _api.ChatAsync(answer.Json["key"]!.GetValue<string>())).AssertStatus(HttpStatusCode.OK);
        (await _api.ChatAsync(oldKey)).AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Models_KeyLimitedToOneModel_RefusesAnother()
    {
        var (key, _) = await _api.NewKeyAsync(new { models = new List<string> { "gpt-4o-mini" } });

        var allowed = await _api.ChatAsync(key, "gpt-4o-mini");
        var refused = await _api.ChatAsync(key, "gpt-4o");

        allowed.AssertStatus(HttpStatusCode.OK);
        refused.AssertStatus(HttpStatusCode.Unauthorized);
        Assert.Equal("key_model_access_denied", refused.ErrorType);
    }

    private async Task AssertSoonAsync(string key, ProxyFactory proxy, HttpStatusCode expected)
    {
        var clock = Stopwatch.StartNew();
        ApiAnswer answer;
        do
        {
            answer = await _api.ChatAsync(key, proxy: proxy);
            if (answer.Status == expected)
            {
                return;
            }

            await Task.Delay(50);
        }
        while (clock.Elapsed < s_propagation);

        answer.AssertStatus(expected);
    }
}
