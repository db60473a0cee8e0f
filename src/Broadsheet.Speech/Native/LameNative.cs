namespace Broadsheet.Speech;

/// <summary>Function pointers into libmp3lame (lame/lame.h). Each lame_global_flags handle is used by one thread at a time.</summary>
internal sealed unsafe class LameNative
{
    public const int ModeMono = 3; // MPEG_mode.MONO
    public const int VbrOff = 0;   // vbr_mode.vbr_off (CBR)
    public const int VbrAbr = 3;   // vbr_mode.vbr_abr

    private LameNative(NativeLibraryHandle lib)
    {
        Library = lib;
        Init = (delegate* unmanaged[Cdecl]<nint>)lib.Export("lame_init");
        SetNumChannels = (delegate* unmanaged[Cdecl]<nint, int, int>)lib.Export("lame_set_num_channels");
        SetInSampleRate = (delegate* unmanaged[Cdecl]<nint, int, int>)lib.Export("lame_set_in_samplerate");
        SetOutSampleRate = (delegate* unmanaged[Cdecl]<nint, int, int>)lib.Export("lame_set_out_samplerate");
        SetBitrate = (delegate* unmanaged[Cdecl]<nint, int, int>)lib.Export("lame_set_brate");
        SetVbr = (delegate* unmanaged[Cdecl]<nint, int, int>)lib.Export("lame_set_VBR");
        SetVbrMeanBitrate = (delegate* unmanaged[Cdecl]<nint, int, int>)lib.Export("lame_set_VBR_mean_bitrate_kbps");
        SetMode = (delegate* unmanaged[Cdecl]<nint, int, int>)lib.Export("lame_set_mode");
        SetQuality = (delegate* unmanaged[Cdecl]<nint, int, int>)lib.Export("lame_set_quality");
        SetWriteVbrTag = (delegate* unmanaged[Cdecl]<nint, int, int>)lib.Export("lame_set_bWriteVbrTag");
        InitParams = (delegate* unmanaged[Cdecl]<nint, int>)lib.Export("lame_init_params");
        EncodeBuffer = (delegate* unmanaged[Cdecl]<nint, short*, short*, int, byte*, int, int>)lib.Export("lame_encode_buffer");
        EncodeFlush = (delegate* unmanaged[Cdecl]<nint, byte*, int, int>)lib.Export("lame_encode_flush");
        GetLameTagFrame = (delegate* unmanaged[Cdecl]<nint, byte*, nuint, nuint>)lib.Export("lame_get_lametag_frame");
        GetEncoderDelay = (delegate* unmanaged[Cdecl]<nint, int>)lib.Export("lame_get_encoder_delay");
        GetEncoderPadding = (delegate* unmanaged[Cdecl]<nint, int>)lib.Export("lame_get_encoder_padding");
        GetOutSampleRate = (delegate* unmanaged[Cdecl]<nint, int>)lib.Export("lame_get_out_samplerate");
        GetFrameNum = (delegate* unmanaged[Cdecl]<nint, int>)lib.Export("lame_get_frameNum");
        Close = (delegate* unmanaged[Cdecl]<nint, int>)lib.Export("lame_close");
        GetVersion = (delegate* unmanaged[Cdecl]<nint>)lib.Export("get_lame_version");
    }

    public NativeLibraryHandle Library { get; }

    public delegate* unmanaged[Cdecl]<nint> Init { get; }

    public delegate* unmanaged[Cdecl]<nint, int, int> SetNumChannels { get; }

    public delegate* unmanaged[Cdecl]<nint, int, int> SetInSampleRate { get; }

    public delegate* unmanaged[Cdecl]<nint, int, int> SetOutSampleRate { get; }

    public delegate* unmanaged[Cdecl]<nint, int, int> SetBitrate { get; }

    public delegate* unmanaged[Cdecl]<nint, int, int> SetVbr { get; }

    public delegate* unmanaged[Cdecl]<nint, int, int> SetVbrMeanBitrate { get; }

    public delegate* unmanaged[Cdecl]<nint, int, int> SetMode { get; }

    public delegate* unmanaged[Cdecl]<nint, int, int> SetQuality { get; }

    public delegate* unmanaged[Cdecl]<nint, int, int> SetWriteVbrTag { get; }

    public delegate* unmanaged[Cdecl]<nint, int> InitParams { get; }

    public delegate* unmanaged[Cdecl]<nint, short*, short*, int, byte*, int, int> EncodeBuffer { get; }

    public delegate* unmanaged[Cdecl]<nint, byte*, int, int> EncodeFlush { get; }

    public delegate* unmanaged[Cdecl]<nint, byte*, nuint, nuint> GetLameTagFrame { get; }

    public delegate* unmanaged[Cdecl]<nint, int> GetEncoderDelay { get; }

    public delegate* unmanaged[Cdecl]<nint, int> GetEncoderPadding { get; }

    public delegate* unmanaged[Cdecl]<nint, int> GetOutSampleRate { get; }

    public delegate* unmanaged[Cdecl]<nint, int> GetFrameNum { get; }

    public delegate* unmanaged[Cdecl]<nint, int> Close { get; }

    public delegate* unmanaged[Cdecl]<nint> GetVersion { get; }

    public static LameNative? TryLoad(IEnumerable<string> candidates, out string? error)
    {
        var lib = NativeLibraryHandle.TryLoad(candidates, out error);
        if (lib is null)
        {
            return null;
        }

        try
        {
            return new LameNative(lib);
        }
        catch (EntryPointNotFoundException ex)
        {
            error = ex.Message;
            return null;
        }
    }
}
