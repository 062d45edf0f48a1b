namespace KhuyenCong.Web.Services.Media;

/// <summary>An upload refused for its content; the message is Vietnamese and meant for the uploader (a 4xx).</summary>
public sealed class MediaRejectedException(string message) : Exception(message);
