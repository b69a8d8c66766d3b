using LiteAspire.Admin.Auth;
using LiteAspire.Admin.Components.Pages.Keys;
using LiteAspire.Admin.ProxyApi;
using LiteAspire.Admin.ProxyApi.Users;

namespace LiteAspire.Admin.Components.Pages.Users;

/// <summary>The create/edit user form: checked before anything is sent, then the body of <c>/user/new</c> or (changes only) <c>/user/update</c>.</summary>
public sealed class UserForm
{
    /// <summary>The id of a new user (empty: the proxy makes a UUID).</summary>
    public string? UserId { get; set; }

    public string? Email { get; set; }

    public string? Alias { get; set; }

    public string Role { get; set; } = AdminRoles.InternalUser;

    public double? MaxBudget { get; set; }

    public string? BudgetDuration { get; set; }

    public IReadOnlyCollection<string> Models { get; set; } = [];

    /// <summary>Teams a new user joins.</summary>
    public IReadOnlyCollection<string> Teams { get; set; } = [];

    /// <summary>The form filled with <paramref name="user"/>'s current values.</summary>
    public static UserForm From(ProxyUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UserForm
        {
            UserId = user.UserId,
            Email = user.UserEmail,
            Alias = user.UserAlias,
            Role = user.UserRole ?? AdminRoles.InternalUser,
            MaxBudget = user.MaxBudget,
            BudgetDuration = user.BudgetDuration,
            Models = [.. user.Models],
            Teams = [.. user.Teams],
        };
    }

    /// <summary>What is wrong with the form (nothing is sent while this is not empty).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (UpdateBody.Trimmed(Email) is { } email && (!email.Contains('@', StringComparison.Ordinal) || email.Contains(' ', StringComparison.Ordinal)))
        {
            errors.Add($"'{email}' is not an email address.");
        }

        if (MaxBudget < 0)
        {
            errors.Add("Max budget cannot be negative.");
        }

        if (!Durations.IsValid(BudgetDuration))
        {
            errors.Add($"Budget resets every: '{BudgetDuration}' is not a duration such as 1d, 7d, 30d or 1mo.");
        }

        return errors;
    }

    /// <summary>The body of <c>/user/new</c> (call <see cref="Validate"/> first).</summary>
    public NewUserRequest ToNewUserRequest() => new()
    {
        UserId = UpdateBody.Trimmed(UserId),
        UserEmail = UpdateBody.Trimmed(Email),
        UserAlias = UpdateBody.Trimmed(Alias),
        UserRole = Role,
        MaxBudget = MaxBudget,
        BudgetDuration = UpdateBody.Trimmed(BudgetDuration),
        Models = Models.Count > 0 ? [.. Models] : null,
        Teams = Teams.Count > 0 ? [.. Teams] : null,
    };

    /// <summary>The body of <c>/user/update</c>: the user, and each field that differs from <paramref name="original"/>.</summary>
    public UpdateBody ToUpdateBody(ProxyUser original)
    {
        ArgumentNullException.ThrowIfNull(original);
        return new UpdateBody("user_id", original.UserId)
            .Set("user_email", UpdateBody.Trimmed(Email), original.UserEmail)
            .Set("user_alias", UpdateBody.Trimmed(Alias), original.UserAlias)
            .Set("user_role", Role, original.UserRole)
            .Set("max_budget", MaxBudget, original.MaxBudget)
            .Set("budget_duration", UpdateBody.Trimmed(BudgetDuration), original.BudgetDuration)
            .SetList("models", Models, original.Models);
    }
}
