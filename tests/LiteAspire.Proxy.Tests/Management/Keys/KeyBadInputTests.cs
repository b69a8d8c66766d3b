using System.Net;

using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Tests.Enforcement;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Proxy.Tests.Management.Keys;

/// <summary>Bad input to the key routes: a 4xx naming the field, and nothing written.</summary>
[Collection(ManagementTests.Name)]
public sealed class KeyBadInputTests(ManagementFixture fixture)
{
    private readonly ManagementApi _api = new(fixture);

    public static TheoryData<string, string> BadGenerateBodies => new()
    {
        { """{"max_budget": "ten"}""", "max_budget" },
        { """{"models": "gpt-4o"}""", "models" },
        { """{"metadata": [1, 2]}""", "metadata" },
        { """{"tpm_limit": 1.5}""", "tpm_limit" },
        { """{"blocked": "yes"}""", "blocked" },
        { """{"model_rpm_limit": {"gpt-4o": "many"}}""", "model_rpm_limit" },
        { """{"max_budget": -1}""", "max_budget" },
        { """{"soft_budget": -0.5}""", "soft_budget" },
        { """{"tpm_limit": -10}""", "tpm_limit" },
        { """{"rpm_limit": -1}""", "rpm_limit" },
        { """{"max_parallel_requests": -1}""", "max_parallel_requests" },
        { """{"model_tpm_limit": {"gpt-4o": -5}}""", "model_tpm_limit" },
        { """{"duration": "10 days"}""", "duration" },
        { """{"duration": "0s"}""", "duration" },
        { """{"budget_duration": "monthly"}""", "budget_duration" },
        { """{"key_type": "superuser"}""", "key_type" },
        { """{"key": "not-a-virtual-key"}""", "key" },
        { """{"key": "sk-master-management-1234"}""", "key" },
        { """{"team_id": "no-such-team"}""", "team_id" },
        { """{"user_id": "no-such-user"}""", "user_id" },
        { """{"budget_id": "no-such-budget"}""", "budget_id" },
        { """{"organization_id": "no-such-org"}""", "organization_id" },
        { """{"soft_budget": 1, "budget_id": "b"}""", "soft_budget" },
        { """{"max_budget": 1""", "JSON" },
    };

    [Theory]
    [MemberData(nameof(BadGenerateBodies))]
    public async Task Generate_BadInput_400NamingTheField_NothingWritten(string body, string field)
    {
        var before = await _api.CountsAsync();

        var answer = await _api.AdminPostAsync("/key/generate", body);

        answer.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains(field, answer.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("400", answer.Body!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(before, await _api.CountsAsync());
    }

    [Fact]
    public async Task Generate_DuplicateAliasOrKey_400_NothingWritten()
    {
        var alias = ManagementFixture.NewId("dup");
        var custom = "sk-dup-" + Guid.NewGuid().ToString("N");
        await _api.NewKeyAsync(new { key_alias = alias, key = custom });
        var before = await _api.CountsAsync();

        var sameAlias = await _api.AdminPostAsync("/key/generate", new { key_alias = alias, soft_budget = 1.0 });
        var sameKey = await _api.AdminPostAsync("/key/generate", new { key = custom, soft_budget = 1.0 });

        sameAlias.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("key_alias", sameAlias.ErrorMessage, StringComparison.Ordinal);
        sameKey.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("key", sameKey.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(before, await _api.CountsAsync());
    }

    [Fact]
    public async Task Generate_SameAliasEightAtOnce_ExactlyOneKeyHasIt()
    {
        var alias = ManagementFixture.NewId("race");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _api.AdminPostAsync("/key/generate", new { key_alias = alias })));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => a.AssertStatus(HttpStatusCode.BadRequest));
        Assert.Equal(1, await KeyRowsWithAliasAsync(alias));
    }

    private Task<int> KeyRowsWithAliasAsync(string alias) =>
        KeyRows.ReadAsync(fixture.Proxy, db => db.VerificationTokens.CountAsync(k => k.KeyAlias == alias));

    [Fact]
    public async Task MissingKey_404OnEveryRoute()
    {
        var missing = "sk-missing-" + Guid.NewGuid().ToString("N");

        var answers = new[]
        {
            await _api.AdminPostAsync("/key/update", new { key = missing, max_budget = 1.0 }),
            await _api.AdminPostAsync("/key/delete", new { keys = new[] { missing } }),
            await _api.AdminGetAsync($"/key/info?key={missing}"),
            await _api.AdminPostAsync("/key/regenerate", new { key = missing }),
            await _api.AdminPostAsync($"/key/{missing}/regenerate", ""),
            await _api.AdminPostAsync("/key/block", new { key = missing }),
            await _api.AdminPostAsync("/key/unblock", new { key = missing }),
            await _api.AdminPostAsync("/key/delete", new { key_aliases = new List<string> { "no-such-alias-" + Guid.NewGuid() } }),
        };

        Assert.All(answers, a =>
        {
            a.AssertStatus(HttpStatusCode.NotFound);
            Assert.Contains("not found", a.ErrorMessage, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(missing, a.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Delete_OneMissingAmongSeveral_DeletesNone()
    {
        var (key, _) = await _api.NewKeyAsync();
        var before = await _api.CountsAsync();

        var answer = await _api.AdminPostAsync("/key/delete", new { keys = new[] { key, VirtualKeys.Hash("sk-never-made") } });

        answer.AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal(before, await _api.CountsAsync());
        (await _api.ChatAsync(key)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_NothingNamed_400()
    {
        var answer = await _api.AdminPostAsync("/key/delete", new { });

        answer.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("keys", answer.ErrorMessage, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadUpdateFields => new()
    {
        { """ "max_budget": -3 """, "max_budget" },
        { """ "tpm_limit": "lots" """, "tpm_limit" },
        { """ "team_id": "no-such-team" """, "team_id" },
        { """ "user_id": "no-such-user" """, "user_id" },
        { """ "budget_id": "no-such-budget" """, "budget_id" },
        { """ "duration": "forever" """, "duration" },
        { """ "models": ["gpt-4o", ""] """, "models" },
    };

    [Theory]
    [MemberData(nameof(BadUpdateFields))]
    public async Task Update_BadInput_400_KeyUnchanged(string field, string name)
    {
        var (key, _) = await _api.NewKeyAsync(new { max_budget = 4.0, models = new List<string> { "gpt-4o" } });
        var before = await _api.KeyRowAsync(key);

        var answer = await _api.AdminPostAsync("/key/update", "{\"key\": \"" + key + "\", \"rpm_limit\": 9, " + field + "}");

        answer.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains(name, answer.ErrorMessage, StringComparison.Ordinal);
        var after = await _api.KeyRowAsync(key);
        Assert.Null(after!.RpmLimit);
        Assert.Equal(before!.MaxBudget, after.MaxBudget);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
    }

    [Fact]
    public async Task Update_AliasOfAnotherKey_400()
    {
        var alias = ManagementFixture.NewId("taken");
        await _api.NewKeyAsync(new { key_alias = alias });
        var (key, _) = await _api.NewKeyAsync();

        var answer = await _api.AdminPostAsync("/key/update", new { key, key_alias = alias });
        var same = await _api.AdminPostAsync("/key/update", new { key, key_alias = ManagementFixture.NewId("free") });

        answer.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains(alias, answer.ErrorMessage, StringComparison.Ordinal);
        same.AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Regenerate_BadNewKeyOrGracePeriod_400_OldKeyStillWorks()
    {
        var (key, _) = await _api.NewKeyAsync();
        var before = await _api.CountsAsync();

        var badNew = await _api.AdminPostAsync("/key/regenerate", new { key, new_key = "plain" });
        var grace = await _api.AdminPostAsync("/key/regenerate", new { key, grace_period = "24h" });
        var master = await _api.AdminPostAsync("/key/regenerate", new { key = ManagementFixture.MasterKey });

        badNew.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("new_key", badNew.ErrorMessage, StringComparison.Ordinal);
        grace.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("grace_period", grace.ErrorMessage, StringComparison.Ordinal);
        master.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal(before, await _api.CountsAsync());
        (await _api.ChatAsync(key)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task List_BadPaging_400()
    {
        var size = await _api.AdminGetAsync("/key/list?size=0");
        var page = await _api.AdminGetAsync("/key/list?page=abc");
        var sort = await _api.AdminGetAsync("/key/list?sort_by=password");

        size.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("size", size.ErrorMessage, StringComparison.Ordinal);
        page.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("page", page.ErrorMessage, StringComparison.Ordinal);
        sort.AssertStatus(HttpStatusCode.BadRequest);
    }
}
