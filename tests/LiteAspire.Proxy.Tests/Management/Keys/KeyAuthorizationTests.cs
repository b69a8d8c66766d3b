using System.Net;

using LiteAspire.Proxy.Auth;

namespace LiteAspire.Proxy.Tests.Management.Keys;

/// <summary>LiteLLM's roles on the key routes: admin, viewer, internal user, team admin, team member, another team's key.</summary>
[Collection(ManagementTests.Name)]
public sealed class KeyAuthorizationTests(ManagementFixture fixture)
{
    private readonly ManagementApi _api = new(fixture);

    [Fact]
    public async Task InternalUser_GeneratesOwnKeys_NotForOthers()
    {
        var (userId, userKey) = await _api.NewUserAsync("internal_user");
        var (otherId, _) = await _api.NewUserAsync("internal_user");
        var before = await _api.CountsAsync();

        var implicitOwn = await _api.PostAsAsync(userKey, "/key/generate", new { key_alias = ManagementFixture.NewId("own") });
        var explicitOwn = await _api.PostAsAsync(userKey, "/key/generate", new { user_id = userId });
        var forOther = await _api.PostAsAsync(userKey, "/key/generate", new { user_id = otherId });

        implicitOwn.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(userId, implicitOwn.Json["user_id"]!.GetValue<string>());
        Assert.Equal(userId, implicitOwn.Json["created_by"]!.GetValue<string>());
        explicitOwn.AssertStatus(HttpStatusCode.OK);
        forOther.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Contains("themselves", forOther.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(before.Keys + 2, (await _api.CountsAsync()).Keys);
        (await _api.ChatAsync(implicitOwn.Json["key"]!.GetValue<string>())).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task InternalUser_ListsOnlyOwnKeys_AndCannotTouchAnothers()
    {
        var (userId, userKey) = await _api.NewUserAsync("internal_user");
        var (otherId, otherKey) = await _api.NewUserAsync("internal_user");
        var (ownExtra, _) = await _api.NewKeyAsync(new { user_id = userId });

        var list = await _api.GetAsAsync(userKey, "/key/list?return_full_object=true&size=100");
        var listOther = await _api.GetAsAsync(userKey, $"/key/list?user_id={otherId}");
        var info = await _api.GetAsAsync(userKey, $"/key/info?key={otherKey}");
        var update = await _api.PostAsAsync(userKey, "/key/update", new { key = otherKey, max_budget = 100.0 });
        var delete = await _api.PostAsAsync(userKey, "/key/delete", new { keys = new[] { otherKey } });
        var regenerate = await _api.PostAsAsync(userKey, "/key/regenerate", new { key = otherKey });
        var block = await _api.PostAsAsync(userKey, "/key/block", new { key = otherKey });

        list.AssertStatus(HttpStatusCode.OK);
        var keys = list.Json["keys"]!.AsArray();
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.Equal(userId, k!["user_id"]!.GetValue<string>()));
        listOther.AssertStatus(HttpStatusCode.Forbidden);
        info.AssertStatus(HttpStatusCode.Forbidden);
        update.AssertStatus(HttpStatusCode.Forbidden);
        delete.AssertStatus(HttpStatusCode.Forbidden);
        regenerate.AssertStatus(HttpStatusCode.Forbidden);
        block.AssertStatus(HttpStatusCode.Forbidden);
        var other = await _api.KeyRowAsync(otherKey);
        Assert.Null(other!.MaxBudget);
        Assert.False(other.Blocked ?? false);
        (await _api.ChatAsync(otherKey)).AssertStatus(HttpStatusCode.OK);

        (await _api.GetAsAsync(userKey, $"/key/info?key={ownExtra}")).AssertStatus(HttpStatusCode.OK);
        (await _api.PostAsAsync(userKey, "/key/update", new { key = ownExtra, max_budget = 1.0 })).AssertStatus(HttpStatusCode.OK);
        (await _api.PostAsAsync(userKey, "/key/delete", new { keys = new[] { ownExtra } })).AssertStatus(HttpStatusCode.OK);
        Assert.Null(await _api.KeyRowAsync(ownExtra));
    }

    [Fact]
    public async Task InternalUser_CannotGiveTheirKeyToAnotherUser()
    {
        var (_, userKey) = await _api.NewUserAsync("internal_user");
        var (otherId, _) = await _api.NewUserAsync("internal_user");

        var answer = await _api.PostAsAsync(userKey, "/key/update", new { key = userKey, user_id = otherId });

        answer.AssertStatus(HttpStatusCode.Forbidden);
        Assert.NotEqual(otherId, (await _api.KeyRowAsync(userKey))!.UserId);
    }

    [Fact]
    public async Task KeyOfTeamA_CannotReadOrChangeTeamBsKeys()
    {
        var (userA, _) = await _api.NewUserAsync("internal_user");
        var (userB, _) = await _api.NewUserAsync("internal_user");
        var teamA = await _api.NewTeamAsync([(userA, "admin")]);
        var teamB = await _api.NewTeamAsync([(userB, "admin"), (userA, "admin")]);
        var (keyA, _) = await _api.NewKeyAsync(new { user_id = userA, team_id = teamA });
        var (keyB, _) = await _api.NewKeyAsync(new { user_id = userB, team_id = teamB });

        var info = await _api.GetAsAsync(keyA, $"/key/info?key={keyB}");
        var update = await _api.PostAsAsync(keyA, "/key/update", new { key = keyB, max_budget = 1.0 });
        var delete = await _api.PostAsAsync(keyA, "/key/delete", new { keys = new[] { keyB } });
        var block = await _api.PostAsAsync(keyA, "/key/block", new { key = keyB });
        var generate = await _api.PostAsAsync(keyA, "/key/generate", new { team_id = teamB });
        var list = await _api.GetAsAsync(keyA, $"/key/list?team_id={teamB}");

        // userA administers both teams, yet their team-A key stays within team A.
        info.AssertStatus(HttpStatusCode.Forbidden);
        update.AssertStatus(HttpStatusCode.Forbidden);
        delete.AssertStatus(HttpStatusCode.Forbidden);
        block.AssertStatus(HttpStatusCode.Forbidden);
        generate.AssertStatus(HttpStatusCode.Forbidden);
        list.AssertStatus(HttpStatusCode.Forbidden);
        var rowB = await _api.KeyRowAsync(keyB);
        Assert.Null(rowB!.MaxBudget);
        (await _api.ChatAsync(keyB)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ProxyAdminViewer_ReadsEverything_ChangesNothing()
    {
        var (_, viewerKey) = await _api.NewUserAsync("proxy_admin_viewer");
        var (key, _) = await _api.NewKeyAsync();
        var before = await _api.CountsAsync();

        var info = await _api.GetAsAsync(viewerKey, $"/key/info?key={key}");
        var list = await _api.GetAsAsync(viewerKey, "/key/list?size=100");
        var generate = await _api.PostAsAsync(viewerKey, "/key/generate", new { });
        var update = await _api.PostAsAsync(viewerKey, "/key/update", new { key, max_budget = 1.0 });
        var delete = await _api.PostAsAsync(viewerKey, "/key/delete", new { keys = new[] { key } });
        var block = await _api.PostAsAsync(viewerKey, "/key/block", new { key });
        var regenerate = await _api.PostAsAsync(viewerKey, "/key/regenerate", new { key });

        info.AssertStatus(HttpStatusCode.OK);
        list.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(before.Keys, list.Json["total_count"]!.GetValue<int>());
        generate.AssertStatus(HttpStatusCode.Forbidden);
        update.AssertStatus(HttpStatusCode.Forbidden);
        delete.AssertStatus(HttpStatusCode.Forbidden);
        block.AssertStatus(HttpStatusCode.Forbidden);
        regenerate.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Contains("read-only", generate.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(before, await _api.CountsAsync());
        (await _api.ChatAsync(key)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TeamAdmin_ManagesTheirTeamsKeysOnly()
    {
        var (adminId, adminKey) = await _api.NewUserAsync("internal_user", "tadmin");
        var (memberId, _) = await _api.NewUserAsync("internal_user", "tmember");
        var (strangerId, strangerKey) = await _api.NewUserAsync("internal_user", "stranger");
        var team = await _api.NewTeamAsync([(adminId, "admin"), (memberId, "user")]);
        var otherTeam = await _api.NewTeamAsync([(strangerId, "admin")]);
        var (memberTeamKey, _) = await _api.NewKeyAsync(new { user_id = memberId, team_id = team });
        var (otherTeamKey, _) = await _api.NewKeyAsync(new { user_id = strangerId, team_id = otherTeam });

        var serviceKey = await _api.PostAsAsync(adminKey, "/key/generate", new { team_id = team });
        var forMember = await _api.PostAsAsync(adminKey, "/key/generate", new { team_id = team, user_id = memberId });
        var forStranger = await _api.PostAsAsync(adminKey, "/key/generate", new { team_id = team, user_id = strangerId });
        var info = await _api.GetAsAsync(adminKey, $"/key/info?key={memberTeamKey}");
        var update = await _api.PostAsAsync(adminKey, "/key/update", new { key = memberTeamKey, max_budget = 2.0 });
        var block = await _api.PostAsAsync(adminKey, "/key/block", new { key = memberTeamKey });
        var list = await _api.GetAsAsync(adminKey, "/key/list?include_team_keys=true&size=100");
        var otherInfo = await _api.GetAsAsync(adminKey, $"/key/info?key={otherTeamKey}");
        var otherUpdate = await _api.PostAsAsync(adminKey, "/key/update", new { key = otherTeamKey, max_budget = 2.0 });
        var otherGenerate = await _api.PostAsAsync(adminKey, "/key/generate", new { team_id = otherTeam });
        var personalOfStranger = await _api.PostAsAsync(adminKey, "/key/delete", new { keys = new[] { strangerKey } });

        serviceKey.AssertStatus(HttpStatusCode.OK);
        Assert.Null(serviceKey.Json["user_id"]);
        Assert.Equal(team, serviceKey.Json["team_id"]!.GetValue<string>());
        forMember.AssertStatus(HttpStatusCode.OK);
        forStranger.AssertStatus(HttpStatusCode.BadRequest);
        info.AssertStatus(HttpStatusCode.OK);
        update.AssertStatus(HttpStatusCode.OK);
        block.AssertStatus(HttpStatusCode.OK);
        (await _api.ChatAsync(memberTeamKey)).AssertStatus(HttpStatusCode.Unauthorized);
        list.AssertStatus(HttpStatusCode.OK);
        var listed = list.Json["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();
        Assert.Contains(VirtualKeys.Hash(memberTeamKey), listed);
        Assert.Contains(serviceKey.Json["token"]!.GetValue<string>(), listed);
        Assert.DoesNotContain(VirtualKeys.Hash(otherTeamKey), listed);
        otherInfo.AssertStatus(HttpStatusCode.Forbidden);
        otherUpdate.AssertStatus(HttpStatusCode.Forbidden);
        otherGenerate.AssertStatus(HttpStatusCode.Forbidden);
        personalOfStranger.AssertStatus(HttpStatusCode.Forbidden);
        Assert.NotNull(await _api.KeyRowAsync(strangerKey));
        Assert.Null((await _api.KeyRowAsync(otherTeamKey))!.MaxBudget);

        (await _api.PostAsAsync(adminKey, "/key/delete", new { keys = new[] { memberTeamKey } })).AssertStatus(HttpStatusCode.OK);
        Assert.Null(await _api.KeyRowAsync(memberTeamKey));
    }

    [Fact]
    public async Task TeamMember_ReadsTeamKeys_ButChangesNeedTeamPermission()
    {
        var (adminId, _) = await _api.NewUserAsync("internal_user", "tadmin");
        var (memberId, memberKey) = await _api.NewUserAsync("internal_user", "tmember");
        var team = await _api.NewTeamAsync([(adminId, "admin"), (memberId, "user")]);
        var open = await _api.NewTeamAsync([(memberId, "user")], memberPermissions: ["/key/generate", "/key/update", "/key/info"]);
        var (serviceKey, _) = await _api.NewKeyAsync(new { team_id = team });
        var (memberTeamKey, _) = await _api.NewKeyAsync(new { team_id = team, user_id = memberId });

        var read = await _api.GetAsAsync(memberKey, $"/key/info?key={serviceKey}");
        var updateService = await _api.PostAsAsync(memberKey, "/key/update", new { key = serviceKey, max_budget = 1.0 });
        var updateOwn = await _api.PostAsAsync(memberKey, "/key/update", new { key = memberTeamKey, max_budget = 1.0 });
        var generate = await _api.PostAsAsync(memberKey, "/key/generate", new { team_id = team });
        var generateOpen = await _api.PostAsAsync(memberKey, "/key/generate", new { team_id = open });

        read.AssertStatus(HttpStatusCode.OK);
        updateService.AssertStatus(HttpStatusCode.Forbidden);
        updateOwn.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal("team_member_permission_error", updateOwn.ErrorType);
        generate.AssertStatus(HttpStatusCode.Forbidden);
        generateOpen.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(memberId, generateOpen.Json["user_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task KeyWithoutUser_ReadsItself_CreatesNothing()
    {
        var (key, _) = await _api.NewKeyAsync();
        var (otherKey, _) = await _api.NewKeyAsync();

        (await _api.GetAsAsync(key, "/key/info")).AssertStatus(HttpStatusCode.OK);
        (await _api.GetAsAsync(key, $"/key/info?key={otherKey}")).AssertStatus(HttpStatusCode.Forbidden);
        (await _api.PostAsAsync(key, "/key/generate", new { })).AssertStatus(HttpStatusCode.Forbidden);
        (await _api.GetAsAsync(key, "/key/list")).AssertStatus(HttpStatusCode.Forbidden);
    }
}
