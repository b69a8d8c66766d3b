namespace LiteAspire.Admin.ProxyApi.Users;

/// <summary>
/// The body of <c>POST /user/new</c> as the dashboard fills it; fields left null are not sent. The proxy also makes a key
/// for the user (LiteLLM's <c>auto_create_key</c> default), returned once in <see cref="NewUserResponse.Key"/>.
/// </summary>
public sealed record NewUserRequest
{
    /// <summary>The id; the proxy makes a UUID when absent.</summary>
    public string? UserId { get; init; }

    public string? UserEmail { get; init; }

    public string? UserAlias { get; init; }

    public string? UserRole { get; init; }

    public double? MaxBudget { get; init; }

    public string? BudgetDuration { get; init; }

    public IReadOnlyList<string>? Models { get; init; }

    /// <summary>Ids of teams the user joins (as a member).</summary>
    public IReadOnlyList<string>? Teams { get; init; }
}

/// <summary>What the dashboard reads from the answer of <c>POST /user/new</c>.</summary>
public sealed record NewUserResponse
{
    public required string UserId { get; init; }

    public string? UserEmail { get; init; }

    /// <summary>The user's new key in plaintext (empty when none was made): shown once, then dropped.</summary>
    public string? Key { get; init; }

    public string? KeyName { get; init; }
}

/// <summary>The answer of <c>POST /user/update</c>.</summary>
/// <param name="UserId">The user.</param>
/// <param name="Data">The updated row.</param>
public sealed record UpdatedUser(string UserId, ProxyUser Data);

/// <summary>The body of <c>POST /user/delete</c>.</summary>
/// <param name="UserIds">The users to delete.</param>
public sealed record DeleteUsersRequest(IReadOnlyList<string> UserIds);
