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
}
