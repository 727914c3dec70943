import Testing
@testable import RembukCore

@Suite struct FileKindTests {
    @Test(arguments: [
        ([0xFF, 0xD8, 0xFF, 0xDB], FileKind.jpeg),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], .png),
        (Array("GIF89a....".utf8), .gif),
        (Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8), .webp),
        (Array("%PDF-1.7".utf8), .pdf),
    ] as [([UInt8], FileKind)])
    func knownSignaturesAreRecognised(bytes: [UInt8], kind: FileKind) {
        // given / when / then
        #expect(FileKind.sniff(bytes) == kind)
    }

    @Test(arguments: [
        [UInt8](), [0xFF, 0xD8], Array("<script>alert(1)</script>".utf8), Array("RIFF1234WAVE".utf8),
        Array("PK\u{3}\u{4}".utf8), Array("%PDX".utf8), Array("<svg xmlns=".utf8),
    ])
    func anythingElseIsRefused(bytes: [UInt8]) {
        #expect(FileKind.sniff(bytes) == nil)
    }

    @Test func fileNamesLoseTheirPathAndDangerousCharacters() {
        #expect(FileName.clean("C:\\Users\\Budi\\foto jalan.jpg", kind: .jpeg) == "foto jalan.jpg")
        #expect(FileName.clean("../../etc/passwd", kind: .pdf) == "passwd")
        #expect(FileName.clean("\"a\";b<c>.pdf", kind: .pdf) == "abc.pdf")
        #expect(FileName.clean(".htaccess", kind: .png) == "htaccess")
        #expect(FileName.clean("   ", kind: .jpeg) == "lampiran.jpg")
        #expect(FileName.clean(String(repeating: "a", count: 300) + ".png", kind: .png).count == 100)
    }

    @Test func contentAddressesAreLowercaseHexSHA256() {
        let empty = ContentAddress.sha256([UInt8]())
        #expect(empty == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentAddress.isValid(empty))
        #expect(!ContentAddress.isValid(empty.uppercased()))
        #expect(!ContentAddress.isValid("abc"))
    }

    @Test func sizesReadAsPeopleSayThem() {
        #expect(ByteSize.text(0) == "1 KB")
        #expect(ByteSize.text(820 * 1024) == "820 KB")
        #expect(ByteSize.text(5 * 1024 * 1024) == "5,0 MB")
        #expect(ByteSize.text(50 * 1024 * 1024) == "50,0 MB")
        #expect(ByteSize.text(Int(4.84 * 1024 * 1024)) == "4,8 MB")
    }

    @Test func polyglotsAndActivePDFsAreHazards() {
        // given
        let gifPage = Array("GIF89a/*".utf8) + [0, 0, 0] + Array("*/=1;<SCRIPT>alert('rembuk')</script>".utf8)
        let pdfPage = Array("%PDF-1.4\n<html><body onload=alert(1)>".utf8)
        let pdfScript = Array("%PDF-1.7\n1 0 obj << /Type /Action /S /JavaScript /JS (app.alert(1)) >> endobj".utf8)
        let pdfLaunch = Array("%PDF-1.7\n1 0 obj << /S /Launch /F (cmd.exe) >> endobj".utf8)
        let photo = [0xFF, 0xD8, 0xFF, 0xE1] + Array("Exif http://ns.adobe.com/xap/1.0/ <?xpacket begin?><x:xmpmeta>".utf8) + [0xFF, 0xD9]
        let report = Array("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >> endobj".utf8)
        // when / then
        #expect(FileKind.hazard(gifPage, kind: .gif) == "<script")
        #expect(FileKind.hazard(pdfPage, kind: .pdf) != nil)
        #expect(FileKind.hazard(pdfScript, kind: .pdf) == "/JavaScript")
        #expect(FileKind.hazard(pdfLaunch, kind: .pdf) == "/Launch")
        #expect(FileKind.hazard(photo, kind: .jpeg) == nil)
        #expect(FileKind.hazard(report, kind: .pdf) == nil)
        #expect(FileKind.hazard([UInt8](), kind: .png) == nil)
    }

    @Test func hexEscapedPDFNamesAreReadAsAReaderReadsThem() {
        // given names written with #xx escapes, and a document whose words only look alike
        let escaped = Array("%PDF-1.7\n2 0 obj << /S /J#61vaScript /J#53 (app.alert(1)) >> endobj".utf8)
        let launch = Array("%PDF-1.7\n<</S/#4C#61unch/F(cmd.exe)>>".utf8)
        let plain = Array("%PDF-1.4\n1 0 obj << /Title (JavaScript untuk pemula) /JSON 1 >> endobj".utf8)
        // when / then
        #expect(FileKind.hazard(escaped, kind: .pdf) == "/JavaScript")
        #expect(FileKind.hazard(launch, kind: .pdf) == "/Launch")
        #expect(FileKind.hazard(plain, kind: .pdf) == nil)
        #expect(FileKind.hazard(Array("%PDF-1.7\n<<//JS".utf8), kind: .pdf) == "/JS")
    }

    @Test func imageSizesAreReadFromTheirHeaders() {
        // given headers of each kind
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 0x4E, 0x20, 0, 0, 0x3A, 0x98]
        let gif: [UInt8] = Array("GIF89a".utf8) + [0x80, 0x07, 0x38, 0x04]
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0, 0, 0xFF, 0xC2, 0x00, 0x11, 8, 0x0F, 0xA0, 0x1F, 0x40, 3] + [UInt8](repeating: 0, count: 12)
        var webp: [UInt8] = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [UInt8](repeating: 0, count: 8)
        webp += [0x7F, 0x0C, 0x00, 0x37, 0x09, 0x00] + [0, 0]
        // when / then: width and height as declared, and which of them are too large
        #expect(ImageSize.of(png, kind: .png) == ImageSize(width: 20_000, height: 15_000))
        #expect(ImageSize.of(png, kind: .png)?.isTooLarge == true)
        #expect(ImageSize.of(gif, kind: .gif) == ImageSize(width: 1_920, height: 1_080))
        #expect(ImageSize.of(jpeg, kind: .jpeg) == ImageSize(width: 8_000, height: 4_000))
        #expect(ImageSize.of(jpeg, kind: .jpeg)?.isTooLarge == false)
        #expect(ImageSize.of(webp, kind: .webp) == ImageSize(width: 3_200, height: 2_360))
        #expect(ImageSize.of([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + [UInt8](repeating: 0x42, count: 40), kind: .jpeg) == nil)
        #expect(ImageSize(width: 8_000, height: 7_600).isTooLarge && !ImageSize(width: 8_160, height: 6_120).isTooLarge)
    }
}
