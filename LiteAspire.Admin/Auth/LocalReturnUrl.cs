namespace LiteAspire.Admin.Auth;

/// <summary>Where to go after signing in: only a path on this site, so a sign-in link cannot hand the fresh session to another one.</summary>
public static class LocalReturnUrl
{
    /// <summary><paramref name="url"/> when it is a local path (not <c>//host</c> or <c>/\host</c>), else <c>/</c>.</summary>
    public static string Of(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.Any(char.IsControl)
            ? url
            : "/";
}
