$d1024_direct << EOD
1 7536.82 0.215
16 31019.707 1.447
64 38697.252 4.344
EOD
$d1024_proxy_pair << EOD
1 2783.742 0.547
16 7642.753 4.625
64 9123.938 14.774
EOD
$d1024_relay_pair << EOD
1 1908.065 0.76
16 8236.63 4.368
64 12377.098 10.927
EOD
$d1024_gateway_pair << EOD
1 500.734 4.575
16 2112.525 16.573
64 3505.192 34.249
EOD
$d65536_direct << EOD
1 1754.706 1.051
16 3031.814 9.529
64 2549.559 36.903
EOD
$d65536_proxy_pair << EOD
1 838.452 1.916
16 1391.155 18.248
64 1501.406 67.158
EOD
$d65536_relay_pair << EOD
1 676.344 2.104
16 1137.148 23.346
64 1248.031 78.109
EOD
$d65536_gateway_pair << EOD
1 240.218 7.15
16 720.939 30.619
64 811.788 110.72
EOD
$d1048576_direct << EOD
1 144.601 15.51
16 187.296 159.735
64 180.257 729.084
EOD
$d1048576_proxy_pair << EOD
1 71.29 25.545
16 113.608 183.77
64 112.648 753.396
EOD
$d1048576_relay_pair << EOD
1 67.651 23.726
16 87.938 246.866
64 77.596 1040.316
EOD
$d1048576_gateway_pair << EOD
1 42.659 35.457
16 68.671 395.794
64 64.302 2128.628
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run2/benchmark-dotnet.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, dotnet (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
