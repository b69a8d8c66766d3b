using LiteAspire.Proxy.Auth;
using LiteAspire.Proxy.Limits;

namespace LiteAspire.Proxy.Enforcement;

/// <summary>The v3 limiter's descriptors for a caller and model: every level that has a limit, key first.</summary>
public static class RateLimitDescriptors
{
    /// <summary>Descriptors for <paramref name="caller"/> calling <paramref name="model"/>; empty when nothing is limited.</summary>
    public static IReadOnlyList<RateLimitDescriptor> Of(ApiKeyAuth caller, string model)
    {
        ArgumentNullException.ThrowIfNull(caller);
        List<RateLimitDescriptor>? descriptors = null;
        Add(ref descriptors, RateLimitKinds.ApiKey, caller.Token, caller.KeyLimits);
        long? modelRpm = caller.ModelRpmLimits.TryGetValue(model, out var rpm) ? rpm : null;
        long? modelTpm = caller.ModelTpmLimits.TryGetValue(model, out var tpm) ? tpm : null;
        Add(ref descriptors, RateLimitKinds.ModelPerKey, RateLimitKinds.ModelPerKeyValue(caller.Token, model), new LimitSet(modelRpm, modelTpm, null));

        if (caller.User is { } user)
        {
            Add(ref descriptors, RateLimitKinds.User, user.Id, user.Limits);
        }

        if (caller.Team is { } team)
        {
            Add(ref descriptors, RateLimitKinds.Team, team.TeamId, team.Limits);
            if (caller.UserId is { } member)
            {
                Add(ref descriptors, RateLimitKinds.TeamMember, RateLimitKinds.TeamMemberValue(team.TeamId, member), team.MemberLimits);
            }
        }

        if (caller.Organization is { } organization)
        {
            Add(ref descriptors, RateLimitKinds.Organization, organization.Id, organization.Limits);
        }

        return descriptors ?? (IReadOnlyList<RateLimitDescriptor>)[];
    }

    private static void Add(ref List<RateLimitDescriptor>? descriptors, string kind, string value, LimitSet limits)
    {
        if (limits.Any)
        {
            (descriptors ??= []).Add(new RateLimitDescriptor(kind, value, limits.RpmLimit, limits.TpmLimit, limits.MaxParallelRequests));
        }
    }
}
