namespace LiteAspire.Admin.Auth.Sso;

/// <summary>
/// Why a single sign-on did not sign anyone in, as a short code in the sign-in page's query (<c>/login?sso=no-user</c>).
/// The page shows the fixed message of the code, never text taken from the query.
/// </summary>
public static class SsoFailure
{
    /// <summary>No LiteLLM user has the provider's subject as <c>sso_user_id</c> or the account's email.</summary>
    public const string NoUser = "no-user";

    /// <summary>The matching user's role may not use the dashboard.</summary>
    public const string Role = "role";

    /// <summary>More than one LiteLLM user has the account's email.</summary>
    public const string Ambiguous = "ambiguous";

    /// <summary>The user with the account's email is linked to another single sign-on account.</summary>
    public const string OtherAccount = "other-account";

    /// <summary>The proxy could not be asked, or refused the session key.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The person cancelled, or the provider refused, the sign-in.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The exchange with the provider failed (expired or replayed state, invalid token, provider down).</summary>
    public const string Failed = "failed";

    /// <summary>The sign-in page's address for <paramref name="code"/>.</summary>
    public static string LoginPath(string code) => $"{AdminAuthentication.LoginPath}?sso={Uri.EscapeDataString(code)}";

    /// <summary>The message of <paramref name="code"/>; null for no code, a general message for an unknown one.</summary>
    public static string? MessageFor(string? code) => code switch
    {
        null or "" => null,
        NoUser => "Single sign-on worked, but no LiteLLM user matches your account. Ask an admin to add you (with your email, "
            + "or your single sign-on subject as sso_user_id) and a dashboard role.",
        Role => "Single sign-on worked, but your LiteLLM role cannot use the dashboard: it needs proxy_admin, proxy_admin_viewer, "
            + "internal_user or internal_user_viewer.",
        Ambiguous => "Single sign-on worked, but more than one LiteLLM user has your email. Ask an admin to set your single "
            + "sign-on subject as sso_user_id on the right one.",
        OtherAccount => "Single sign-on worked, but the LiteLLM user with your email is linked to another single sign-on account.",
        Unavailable => "Single sign-on worked, but the proxy could not start your session. Try again, or sign in with a key.",
        Cancelled => "Single sign-on was cancelled or refused by the identity provider.",
        _ => "Single sign-on failed. Try again, or sign in with a key.",
    };
}
