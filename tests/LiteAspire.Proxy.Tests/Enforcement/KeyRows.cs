using LiteAspire.Data;
using LiteAspire.Data.Schema;
using LiteAspire.Proxy.Auth;

using Microsoft.Extensions.DependencyInjection;

namespace LiteAspire.Proxy.Tests.Enforcement;

/// <summary>Writes keys and teams straight into the proxy's database, as the management API would, for enforcement tests.</summary>
internal static class KeyRows
{
    public static async Task<string> AddKeyAsync(ProxyFactory proxy, Action<VerificationToken>? configure = null)
    {
        var key = VirtualKeys.Generate();
        var row = new VerificationToken
        {
            Token = VirtualKeys.Hash(key),
            KeyName = VirtualKeys.DisplayName(key),
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        configure?.Invoke(row);
        await WithDbAsync(proxy, db => db.VerificationTokens.Add(row));
        return key;
    }

    public static async Task<string> AddTeamAsync(ProxyFactory proxy, Action<TeamTable>? configure = null)
    {
        var team = new TeamTable { TeamId = "team-" + Guid.NewGuid().ToString("N")[..10], CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        configure?.Invoke(team);
        await WithDbAsync(proxy, db => db.Teams.Add(team));
        return team.TeamId;
    }

    public static async Task<T> ReadAsync<T>(ProxyFactory proxy, Func<LiteLLMDbContext, Task<T>> read)
    {
        await using var scope = proxy.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>());
    }

    private static async Task WithDbAsync(ProxyFactory proxy, Action<LiteLLMDbContext> change)
    {
        await using var scope = proxy.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiteLLMDbContext>();
        change(db);
        await db.SaveChangesAsync();
    }
}
