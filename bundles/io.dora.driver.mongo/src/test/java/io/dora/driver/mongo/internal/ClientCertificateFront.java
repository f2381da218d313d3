package io.dora.driver.mongo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS front on a loopback port that demands a client certificate signed by the given CA, then relays the bytes
 * to a plain server. mongo-java-server never asks for client certificates itself; with this front the tests see a
 * server that does, as a mongod started with {@code --tlsCAFile} does.
 */
final class ClientCertificateFront implements AutoCloseable {

    private final SSLServerSocket listener;
    private final int target;
    private final ExecutorService relays = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "tls-front");
        thread.setDaemon(true);
        return thread;
    });

    ClientCertificateFront(KeyStore serverKey, char[] keyPassword, KeyStore trustedCa, int target) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(serverKey, keyPassword);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustedCa);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        listener = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        listener.setNeedClientAuth(true);
        this.target = target;
        relays.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                SSLSocket client = (SSLSocket) listener.accept();
                relays.execute(() -> relay(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(SSLSocket client) {
        try {
            client.startHandshake(); // refuses a missing or untrusted client certificate with an alert
            Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
            relays.execute(() -> pump(client, server));
            pump(server, client);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    /** Copies until one side ends, then closes both, which ends the other direction too. */
    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // a side closed: the finally below ends the relay
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        relays.shutdownNow();
    }
}
