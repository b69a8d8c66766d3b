using System.Net;

using LiteAspire.Proxy.Auth;

using Microsoft.EntityFrameworkCore;

using static LiteAspire.Proxy.Tests.Management.Customers.CatalogTestSupport;

namespace LiteAspire.Proxy.Tests.Management.Tags;

/// <summary><c>/tag/*</c> against the real database: LiteLLM's fields, clear 4xx for bad input with nothing half-written, admins only.</summary>
[Collection(ManagementTests.Name)]
public sealed class TagEndpointsTests(ManagementFixture fixture)
{
    private static readonly string[] Gpt4o = ["gpt-4o"];

    [Fact]
    public async Task New_StoresTheTagAndItsBudget_InfoAndListShowThem()
    {
        var name = ManagementFixture.NewId("tag");

        var created = await fixture.AdminPostAsync("/tag/new", new
        {
            name, description = "Engineering", models = Gpt4o, max_budget = 500, budget_duration = "30d",
        });
        var info = await fixture.AdminPostAsync("/tag/info", new { names = new[] { name } });
        var (listStatus, list) = await GetAsync(fixture.Admin, "/tag/list");

        Assert.Equal($"Tag {name} created successfully", created["message"]!.GetValue<string>());
        Assert.Equal(500, created["tag"]!["litellm_budget_table"]!["max_budget"]!.GetValue<double>());
        Assert.Equal("Engineering", info[name]!["description"]!.GetValue<string>());
        Assert.Equal("30d", info[name]!["litellm_budget_table"]!["budget_duration"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains(list!.AsArray(), t => t!["name"]!.GetValue<string>() == name);
        var row = await ReadDbAsync(fixture, db => db.Tags.Include(t => t.Budget).SingleAsync(t => t.TagName == name));
        Assert.Equal((500.0, "30d"), (row.Budget!.MaxBudget!.Value, row.Budget.BudgetDuration!));
        Assert.Equal(Gpt4o, row.Models);
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { """{"name": "NAME", "max_budget": -1}""", "max_budget" },
        { """{"name": "NAME", "max_budget": "ten"}""", "max_budget" },
        { """{"name": "NAME", "budget_duration": "30x"}""", "budget_duration" },
        { """{"name": "NAME", "models": "gpt-4o"}""", "models" },
        { """{"name": "NAME", "rpm_limit": -5}""", "rpm_limit" },
        { """{"name": "NAME", "budget_id": "no-such-budget"}""", "budget_id" },
        { """{"name": "NAME", "budget_id": "x", "max_budget": 1}""", "max_budget" },
        { """{"name": "NAME,other"}""", "name" },
        { """{"name": 5}""", "name" },
        { """{"description": "no name"}""", "name" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task New_BadInput_4xxNamingTheFieldAndNothingWritten(string template, string param)
    {
        var name = ManagementFixture.NewId("tag");
        var budgets = await ReadDbAsync(fixture, db => db.Budgets.CountAsync());

        var (status, body) = await PostAsync(fixture.Admin, "/tag/new", template.Replace("NAME", name, StringComparison.Ordinal));

        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{status}: {body?.ToJsonString()}");
        Assert.Equal(param, body!["error"]!["param"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(ErrorMessage(body)));
        Assert.False(await ReadDbAsync(fixture, db => db.Tags.AnyAsync(t => t.TagName.StartsWith(name))));
        Assert.Equal(budgets, await ReadDbAsync(fixture, db => db.Budgets.CountAsync()));
    }

    [Fact]
    public async Task New_DuplicateTag_400AndTheFirstIsUnchanged()
    {
        var name = ManagementFixture.NewId("tag");
        await fixture.AdminPostAsync("/tag/new", new { name, max_budget = 1 });

        var (status, body) = await PostAsync(fixture.Admin, "/tag/new", new { name, max_budget = 2 });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"Tag {name} already exists", ErrorMessage(body));
        Assert.Equal(1, await ReadDbAsync(fixture, db => db.Tags.Where(t => t.TagName == name).Select(t => t.Budget!.MaxBudget).SingleAsync()));
    }

    [Theory]
    [InlineData("/tag/update")]
    [InlineData("/tag/delete")]
    [InlineData("/tag/info")]
    public async Task UnknownTag_404(string path)
    {
        var name = ManagementFixture.NewId("tag");
        object body = path == "/tag/info" ? new { names = new[] { name } } : new { name, max_budget = 1 };

        var (status, answer) = await PostAsync(fixture.Admin, path, body);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal($"Tag {name} not found", ErrorMessage(answer));
        Assert.False(await ReadDbAsync(fixture, db => db.Tags.AnyAsync(t => t.TagName == name)));
    }

    [Fact]
    public async Task Update_ChangesTheBudget_DeleteRemovesTheTag()
    {
        var name = ManagementFixture.NewId("tag");
        await fixture.AdminPostAsync("/tag/new", new { name, max_budget = 1 });

        var updated = await fixture.AdminPostAsync("/tag/update", new { name, max_budget = 3, description = "now three" });
        var deleted = await fixture.AdminPostAsync("/tag/delete", new { name });

        Assert.Equal(3, updated["tag"]!["litellm_budget_table"]!["max_budget"]!.GetValue<double>());
        Assert.Equal("now three", updated["tag"]!["description"]!.GetValue<string>());
        Assert.Equal($"Tag {name} deleted successfully", deleted["message"]!.GetValue<string>());
        Assert.False(await ReadDbAsync(fixture, db => db.Tags.AnyAsync(t => t.TagName == name)));
    }

    [Fact]
    public async Task NonAdminKey_CannotCreateOrDeleteTags()
    {
        var name = ManagementFixture.NewId("tag");
        using var user = fixture.Client(await KeyWithRoleAsync(fixture, LiteLLMRoles.InternalUser));

        var (status, body) = await PostAsync(user, "/tag/new", new { name, max_budget = 100 });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("create tags", ErrorMessage(body), StringComparison.Ordinal);
        Assert.False(await ReadDbAsync(fixture, db => db.Tags.AnyAsync(t => t.TagName == name)));
    }
}
