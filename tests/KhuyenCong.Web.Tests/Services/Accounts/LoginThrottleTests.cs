using KhuyenCong.Web.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Xunit;

namespace KhuyenCong.Web.Tests.Services.Accounts;

/// <summary>The sign-in throttle on its own: the limits, the window and the bound on what it remembers.</summary>
public sealed class LoginThrottleTests
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    private LoginThrottle Throttle() => new(clock, Microsoft.Extensions.Options.Options.Create(new IdentityOptions
    {
        Lockout = { MaxFailedAccessAttempts = 5, DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15) },
    }));

    [Fact]
    public void A_stream_of_100000_made_up_names_keeps_the_throttle_bounded_and_the_sender_blocked()
    {
        var throttle = Throttle();
        for (var i = 0; i < 100_000; i++)
        {
            var name = $"nobody{i}@example.invalid";
            clock.Advance(TimeSpan.FromMilliseconds(1));
            throttle.RecordFailure("203.0.113.9", name);
            throttle.RecordUnknownFailure(name);
            Assert.True(throttle.KeyCount <= 2 * LoginThrottle.MaxKeys, $"{throttle.KeyCount} keys after {i + 1} names");
        }

        // The address that sent the stream is still counted; a name it has just tried is still remembered.
        Assert.True(throttle.IsBlocked("203.0.113.9", "someone@example.invalid"));
        for (var i = 0; i < 4; i++)
        {
            throttle.RecordUnknownFailure("nobody99999@example.invalid");
        }

        Assert.True(throttle.IsUnknownLockedOut("nobody99999@example.invalid"));
        Assert.False(throttle.IsBlocked("198.51.100.1", "someone@example.invalid"));
    }

    [Fact]
    public void Ten_failures_of_one_name_from_one_address_block_it_for_the_window_only()
    {
        var throttle = Throttle();
        for (var i = 0; i < LoginThrottle.MaxFailuresPerIpAndName - 1; i++)
        {
            throttle.RecordFailure("203.0.113.9", "Editor@Example.vn");
        }

        Assert.False(throttle.IsBlocked("203.0.113.9", "editor@example.vn"));
        throttle.RecordFailure("203.0.113.9", " editor@example.vn ");
        Assert.True(throttle.IsBlocked("203.0.113.9", "EDITOR@example.vn"));
        Assert.False(throttle.IsBlocked("198.51.100.1", "editor@example.vn"));
        Assert.False(throttle.IsBlocked("203.0.113.9", "other@example.vn"));

        clock.Advance(LoginThrottle.Window + TimeSpan.FromSeconds(1));
        Assert.False(throttle.IsBlocked("203.0.113.9", "editor@example.vn"));
    }

    [Fact]
    public void A_name_without_an_account_locks_after_the_same_failures_as_an_account_and_unlocks_after_the_lockout()
    {
        var throttle = Throttle();
        for (var i = 0; i < 4; i++)
        {
            Assert.False(throttle.RecordUnknownFailure("ghost@example.vn"));
        }

        Assert.False(throttle.IsUnknownLockedOut("ghost@example.vn"));
        Assert.True(throttle.RecordUnknownFailure("ghost@example.vn"));
        Assert.True(throttle.IsUnknownLockedOut("GHOST@example.vn"));
        clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.False(throttle.IsUnknownLockedOut("ghost@example.vn"));
    }

    [Fact]
    public void One_address_trying_many_names_is_blocked_at_the_per_address_limit_for_every_name()
    {
        var throttle = Throttle();
        for (var i = 0; i < LoginThrottle.MaxFailuresPerIp - 1; i++)
        {
            throttle.RecordFailure("203.0.113.9", $"ten{i}@example.vn");
        }

        Assert.False(throttle.IsBlocked("203.0.113.9", "moi@example.vn"));
        throttle.RecordFailure("203.0.113.9", "cuoi@example.vn");
        Assert.True(throttle.IsBlocked("203.0.113.9", "moi@example.vn"));
        Assert.False(throttle.IsBlocked("198.51.100.1", "moi@example.vn"));
    }

    [Fact]
    public void The_window_slides_so_old_failures_stop_counting_one_by_one()
    {
        var throttle = Throttle();
        for (var i = 0; i < LoginThrottle.MaxFailuresPerIpAndName - 1; i++)
        {
            throttle.RecordFailure("203.0.113.9", "biên-tập@example.vn");
        }

        clock.Advance(LoginThrottle.Window / 2);
        throttle.RecordFailure("203.0.113.9", "BIÊN-TẬP@example.vn");
        Assert.True(throttle.IsBlocked("203.0.113.9", "biên-tập@example.vn"));

        // The first nine leave the window; the last one alone is not enough.
        clock.Advance(LoginThrottle.Window / 2 + TimeSpan.FromSeconds(1));
        Assert.False(throttle.IsBlocked("203.0.113.9", "biên-tập@example.vn"));
    }
}
