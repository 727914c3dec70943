import Foundation
import RembukCore
import Vapor

/// Delivers e-mail through a sendmail-compatible command and gateway messages through a signed webhook.
struct LiveTransport: DeliveryTransport {
    let app: Application

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func deliver(_ delivery: Delivery) async throws {
        switch delivery.channel {
        case .email: try await sendMail(delivery)
        case .webhook: try await postWebhook(delivery)
        }
    }

    func sendMail(_ delivery: Delivery) async throws {
        guard let command = app.settings.sendmailCommand else { throw Failure(description: "no REMBUK_SENDMAIL configured") }
        let message = Self.mailMessage(delivery, from: app.settings.mailFrom)
        let status: Int32 = try await app.threadPool.runIfActive {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            let input = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            input.fileHandleForWriting.write(Data(message.utf8))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            return process.terminationStatus
        }
        guard status == 0 else { throw Failure(description: "sendmail exited with status \(status)") }
    }

    /// An RFC 5322 message; the subject is RFC 2047-encoded, so no header can be injected through it.
    static func mailMessage(_ delivery: Delivery, from: String) -> String {
        let subject = "=?UTF-8?B?" + Data(delivery.subject.utf8).base64EncodedString() + "?="
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return [
            "From: \(from)", "To: \(delivery.recipient)", "Subject: \(subject)", "Date: \(formatter.string(from: Date()))",
            "Message-ID: <\(delivery.id.uuidString.lowercased())@rembuk>", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", delivery.body, "",
        ].joined(separator: "\r\n")
    }

    struct WebhookPayload: Content {
        var id: String
        var to: String
        var subject: String
        var text: String
        var attempt: Int
    }

    func postWebhook(_ delivery: Delivery) async throws {
        guard let url = app.settings.webhookURL else { throw Failure(description: "no REMBUK_WEBHOOK_URL configured") }
        let payload = WebhookPayload(id: delivery.id.uuidString, to: delivery.recipient, subject: delivery.subject,
                                     text: delivery.body, attempt: delivery.attempt)
        let body = try JSONEncoder().encode(payload)
        let signature = WebhookSignature.sign(body: Array(body), timestamp: Int64(Date().timeIntervalSince1970),
                                              secret: app.settings.webhookSecret)
        let response = try await app.client.post(URI(string: url)) { request in
            request.headers.contentType = .json
            request.headers.replaceOrAdd(name: WebhookSignature.headerName, value: signature)
            request.headers.replaceOrAdd(name: "X-Rembuk-Delivery", value: delivery.id.uuidString)
            request.body = ByteBuffer(data: body)
        }
        guard (200..<300).contains(response.status.code) else {
            throw Failure(description: "gateway answered HTTP \(response.status.code)")
        }
    }
}
